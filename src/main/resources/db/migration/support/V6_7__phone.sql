-- The client's telephony (CTI) posts call events to us, proving itself with a secret per client of
-- which only a SHA-256 is kept.
alter table support.channel_settings add column cti_secret_hash text;

-- The call log: every call, from the CTI webhook or logged by an agent. The CTI's own call id is
-- unique per client, so an event delivered twice changes nothing.
create table support.call (
    client_id     uuid        not null references tenancy.client (id),
    id            uuid        not null,
    call_key      text        not null,
    item_id       bigint      not null,
    customer_id   uuid        not null,
    caller        text        not null,
    direction     text        not null check (direction in ('INBOUND', 'OUTBOUND')),
    agent_id      uuid,
    started_at    timestamptz not null,
    ended_at      timestamptz,
    talk_seconds  int check (talk_seconds >= 0),
    recording_url text,
    source        text        not null check (source in ('CTI', 'AGENT')),
    primary key (client_id, id),
    unique (client_id, call_key),
    foreign key (client_id, item_id) references work.work_item (client_id, id),
    foreign key (client_id, customer_id) references support.customer (client_id, id)
);
create index call_started on support.call (client_id, started_at desc);
create index call_item on support.call (client_id, item_id);

alter table support.call enable row level security;
alter table support.call force row level security;
create policy call_isolation on support.call
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on support.call to openbpo_app;
