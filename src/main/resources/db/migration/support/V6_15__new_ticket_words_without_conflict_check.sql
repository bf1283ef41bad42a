-- A new ticket's words are written without "on conflict do nothing". They cannot conflict: the
-- lexemes of one tsvector are distinct, and the statement's items are new, so no word row of theirs
-- exists yet (words are written only by the triggers of their own ticket, tickets are never deleted,
-- and an item's words roll back with the item). The conflict clause made every word a speculative
-- insertion: a probe of the primary key before the heap insert, another descent for the index entry,
-- and a confirmation, for each of a ticket's dozen-odd words. A real duplicate would now fail the
-- ticket's insert on the primary key rather than pass unnoticed; edits and comments keep the clause,
-- since their words may already be there.
create or replace function support.index_new_ticket_words() returns trigger
    language plpgsql
as $$
begin
    insert into support.search_term (client_id, term, item_id)
    select n.client_id, t, n.id
      from new_items n
     cross join lateral unnest(tsvector_to_array(to_tsvector('simple', n.title || ' ' || coalesce(n.form ->> 'description', '')))) t
     where length(t) <= 200
       and exists (select from support.channel_settings s where s.client_id = n.client_id and s.service_line = n.service_line);
    return null;
end
$$;
