-- Every message that reaches a client's channel, stored raw before anything is done with it and
-- keyed by its Message-ID (or a SHA-256 of its bytes), so that fetching it again after a crash
-- finds it already here: never lost, never two tickets. What became of it is recorded with it.
create table support.inbound_message (
    client_id    uuid        not null references tenancy.client (id),
    id           uuid        not null,
    message_key  text        not null,
    message_id   text,
    source       text        not null check (source in ('IMAP', 'RELAY')),
    raw          bytea       not null,
    size_bytes   bigint      not null,
    received_at  timestamptz not null,
    sender       text,
    subject      text,
    status       text        not null check (status in ('RECEIVED', 'TICKET_CREATED', 'COMMENT_ADDED', 'IGNORED',
                                                         'REJECTED', 'FAILED')),
    reason       text,
    notes        text[]      not null default '{}',
    item_id      bigint,
    text_body    text,
    -- Sanitised HTML: the only HTML of a message that is ever shown to an agent.
    safe_html    text,
    processed_at timestamptz,
    primary key (client_id, id),
    unique (client_id, message_key),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);
-- Messages stored but not yet turned into tickets (a node died between the two steps).
create index inbound_message_waiting on support.inbound_message (received_at) where status = 'RECEIVED';
-- Loop protection counts a sender's messages in the last minute.
create index inbound_message_sender on support.inbound_message (client_id, sender, received_at);
create index inbound_message_item on support.inbound_message (client_id, item_id) where item_id is not null;

-- The Message-IDs of a ticket's conversation, ours and the customer's, so that a reply finds its
-- ticket by In-Reply-To or References, and so that our own mail coming back is recognised.
create table support.thread_message (
    client_id  uuid        not null references tenancy.client (id),
    message_id text        not null,
    item_id    bigint      not null,
    direction  text        not null check (direction in ('IN', 'OUT')),
    at         timestamptz not null,
    primary key (client_id, message_id),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);
create index thread_message_item on support.thread_message (client_id, item_id, at);

do $$
declare
    t text;
begin
    foreach t in array array['inbound_message', 'thread_message']
    loop
        execute format('alter table support.%I enable row level security', t);
        execute format('alter table support.%I force row level security', t);
        execute format('create policy %I on support.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
        execute format('grant select, insert, update on support.%I to openbpo_app', t);
    end loop;
end
$$;
