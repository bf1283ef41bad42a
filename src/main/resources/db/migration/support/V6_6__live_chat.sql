-- Live chats from a client's web site. A chat is a ticket from its first message (so it is never
-- lost and counts like any other contact); its messages are kept here in order, and the whole
-- transcript goes onto the ticket when the chat ends. The customer's browser proves it is theirs
-- with a token of which only a SHA-256 is kept.
create table support.chat (
    client_id   uuid        not null references tenancy.client (id),
    id          uuid        not null,
    item_id     bigint      not null,
    customer_id uuid        not null,
    token_hash  text        not null,
    status      text        not null check (status in ('WAITING', 'ACTIVE', 'ENDED')),
    agent_id    uuid,
    agent_name  text,
    started_at  timestamptz not null,
    answered_at timestamptz,
    ended_at    timestamptz,
    last_seq    int         not null default 0,
    primary key (client_id, id),
    unique (client_id, item_id),
    foreign key (client_id, item_id) references work.work_item (client_id, id),
    foreign key (client_id, customer_id) references support.customer (client_id, id)
);
-- The waiting-chats panel: the longest-waiting first, for any set of clients.
create index chat_waiting on support.chat (started_at, client_id) where status = 'WAITING';

create table support.chat_message (
    client_id uuid        not null references tenancy.client (id),
    chat_id   uuid        not null,
    seq       int         not null,
    author    text        not null check (author in ('CUSTOMER', 'AGENT', 'SYSTEM')),
    name      text        not null,
    body      text        not null,
    at        timestamptz not null,
    primary key (client_id, chat_id, seq),
    foreign key (client_id, chat_id) references support.chat (client_id, id)
);

do $$
declare
    t text;
begin
    foreach t in array array['chat', 'chat_message']
    loop
        execute format('alter table support.%I enable row level security', t);
        execute format('alter table support.%I force row level security', t);
        execute format('create policy %I on support.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
        execute format('grant select, insert, update on support.%I to openbpo_app', t);
    end loop;
end
$$;
