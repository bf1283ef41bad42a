-- Full-text search across a client's tickets that keeps its index under row-level security.
-- The policy admits only leakproof operators into index conditions, and the text-search match @@
-- is not one, so a GIN index on the tickets' text is never used by the application role. Text
-- equality is leakproof: each ticket's words (lexemes of the 'simple' configuration) are kept here,
-- one row per client, word and ticket, and a search first finds the tickets that contain one of its
-- words through this table's primary key, then applies the exact @@ match to those tickets only.
-- Triggers keep the words of support tickets (titles, descriptions, comments) up to date, whoever
-- writes them: the support channels, the work engine's API or the agents' pages.
create table support.search_term (
    client_id uuid   not null references tenancy.client (id),
    term      text   not null,
    item_id   bigint not null,
    primary key (client_id, term, item_id),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);
create index search_term_item on support.search_term (client_id, item_id);

alter table support.search_term enable row level security;
alter table support.search_term force row level security;
create policy search_term_isolation on support.search_term
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert on support.search_term to openbpo_app;

create function support.index_words(p_client uuid, p_item bigint, p_text text) returns void
    language sql
as $$
insert into support.search_term (client_id, term, item_id)
select p_client, t, p_item from unnest(tsvector_to_array(to_tsvector('simple', p_text))) t
 where length(t) <= 200
on conflict do nothing
$$;

create function support.index_ticket_words() returns trigger
    language plpgsql
as $$
begin
    if exists (select 1 from support.channel_settings s where s.client_id = new.client_id and s.service_line = new.service_line) then
        perform support.index_words(new.client_id, new.id, new.title || ' ' || coalesce(new.form ->> 'description', ''));
    end if;
    return null;
end
$$;

create function support.index_comment_words() returns trigger
    language plpgsql
as $$
begin
    if exists (select 1 from work.work_item w join support.channel_settings s
                 on s.client_id = w.client_id and s.service_line = w.service_line
                where w.client_id = new.client_id and w.id = new.item_id) then
        perform support.index_words(new.client_id, new.item_id, new.body);
    end if;
    return null;
end
$$;

create trigger support_search_terms after insert or update of title, form on work.work_item
    for each row execute function support.index_ticket_words();
create trigger support_search_terms after insert on work.comment
    for each row execute function support.index_comment_words();

-- The tickets and comments already there.
select support.index_words(w.client_id, w.id, w.title || ' ' || coalesce(w.form ->> 'description', ''))
  from work.work_item w join support.channel_settings s on s.client_id = w.client_id and s.service_line = w.service_line;
select support.index_words(c.client_id, c.item_id, c.body)
  from work.comment c join work.work_item w on w.client_id = c.client_id and w.id = c.item_id
  join support.channel_settings s on s.client_id = w.client_id and s.service_line = w.service_line;
