-- New tickets' search words are written once per statement instead of once per ticket. The row
-- trigger ran a plpgsql function per item (a look-up of the client's channel, then an SQL function
-- inserting the words); a batch of customer emails now raises its tickets in one statement, and
-- one insert reads the new items from the statement's transition table and writes all their words.
-- The words are the same: the lexemes of title and description in the 'simple' configuration, for
-- items of a service line the client's support channel serves. Edits of a ticket's title or form
-- keep the row trigger (a trigger naming columns cannot see a transition table).
create function support.index_new_ticket_words() returns trigger
    language plpgsql
as $$
begin
    insert into support.search_term (client_id, term, item_id)
    select n.client_id, t, n.id
      from new_items n
     cross join lateral unnest(tsvector_to_array(to_tsvector('simple', n.title || ' ' || coalesce(n.form ->> 'description', '')))) t
     where length(t) <= 200
       and exists (select from support.channel_settings s where s.client_id = n.client_id and s.service_line = n.service_line)
    on conflict do nothing;
    return null;
end
$$;

drop trigger support_search_terms on work.work_item;
create trigger support_search_terms after update of title, form on work.work_item
    for each row execute function support.index_ticket_words();
create trigger support_search_terms_of_new after insert on work.work_item
    referencing new table as new_items
    for each statement execute function support.index_new_ticket_words();
