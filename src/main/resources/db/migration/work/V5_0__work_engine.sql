create schema if not exists work;
grant usage on schema work to openbpo_app;

-- Work types are data: a definition (states, transitions, fields, checks) per client, versioned.
create table work.work_type (
    client_id  uuid        not null references tenancy.client (id),
    code       text        not null,
    version    int         not null,
    name       text        not null,
    definition jsonb       not null,
    created_at timestamptz not null,
    created_by text        not null,
    primary key (client_id, code, version)
);

create table work.queue (
    client_id      uuid        not null references tenancy.client (id),
    id             uuid        not null,
    code           text        not null,
    name           text        not null,
    service_line   text        not null,
    required_skill text,
    min_proficiency int        not null default 1 check (min_proficiency between 1 and 5),
    language       text,
    created_at     timestamptz not null,
    primary key (client_id, id),
    unique (client_id, code),
    unique (id)
);

create sequence work.work_item_id_seq;
grant usage on sequence work.work_item_id_seq to openbpo_app;

create table work.work_item (
    client_id          uuid        not null references tenancy.client (id),
    id                 bigint      not null,
    work_type          text        not null,
    work_type_version  int         not null,
    contract_id        uuid,
    contract_version   int,
    service_line       text        not null,
    queue_id           uuid        not null,
    priority           smallint    not null check (priority between 0 and 3),
    state              text        not null,
    category           text        not null check (category in ('NEW', 'OPEN', 'PENDING_CLIENT', 'PENDING_THIRD_PARTY',
                                                                 'REVIEW', 'DONE', 'CANCELLED')),
    title              text        not null,
    form               jsonb       not null default '{}',
    channel            text        not null default 'API',
    requester          text        not null,
    assignee_id        uuid,
    assigned_at        timestamptz,
    maker_id           uuid,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    first_responded_at timestamptz,
    completed_at       timestamptz,
    -- SLA clock (resolution): business time consumed before the current run, the run's start,
    -- and the derived due and warning moments (null while paused or stopped).
    sla_target_secs    bigint,
    sla_warn_share     numeric(4, 3),
    sla_consumed_secs  bigint      not null default 0,
    sla_running_since  timestamptz,
    sla_paused_since   timestamptz,
    sla_pause_reason   text,
    due_at             timestamptz,
    warn_at            timestamptz,
    first_response_due_at timestamptz,
    escalated_at       timestamptz,
    breached_at        timestamptz,
    sla_met            boolean,
    primary key (client_id, id),
    foreign key (client_id, queue_id) references work.queue (client_id, id)
);

-- Get next: per queue, the waiting item with the highest priority and the earliest due time.
create index work_item_routable on work.work_item (queue_id, priority desc, due_at nulls last, id)
    where assignee_id is null and category in ('NEW', 'OPEN');
-- SLA timers: only items whose warning or deadline is still ahead of them are indexed.
create index work_item_warning_due on work.work_item (warn_at) where escalated_at is null and warn_at is not null;
create index work_item_breach_due on work.work_item (due_at) where breached_at is null and due_at is not null;
create index work_item_assignee on work.work_item (assignee_id) where assignee_id is not null;
create index work_item_client_open on work.work_item (client_id, category, created_at);

-- The timeline: every change of an item, in order, with who and what.
create table work.work_event (
    client_id uuid        not null,
    item_id   bigint      not null,
    seq       bigint generated always as identity,
    at        timestamptz not null,
    actor     text        not null,
    type      text        not null,
    data      jsonb       not null default '{}',
    primary key (client_id, item_id, seq)
);

create table work.comment (
    client_id  uuid        not null,
    item_id    bigint      not null,
    id         uuid        not null,
    author     text        not null,
    body       text        not null,
    visibility text        not null check (visibility in ('INTERNAL', 'CLIENT')),
    created_at timestamptz not null,
    primary key (client_id, item_id, id),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);

create table work.attachment (
    client_id    uuid        not null,
    item_id      bigint      not null,
    id           uuid        not null,
    filename     text        not null,
    content_type text        not null,
    size_bytes   bigint      not null,
    content      bytea       not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (client_id, item_id, id),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);

-- Handle time: one row per stretch an agent held an item.
create table work.handle_time (
    client_id  uuid        not null,
    item_id    bigint      not null,
    agent_id   uuid        not null,
    started_at timestamptz not null,
    ended_at   timestamptz,
    primary key (client_id, item_id, agent_id, started_at)
);
create index handle_time_open on work.handle_time (agent_id) where ended_at is null;

-- What a team lead sees in the UI: escalations and other things that need their attention.
create table work.notification (
    client_id  uuid        not null,
    id         uuid        not null,
    recipient  uuid,
    item_id    bigint,
    kind       text        not null,
    message    text        not null,
    created_at timestamptz not null,
    read_at    timestamptz,
    primary key (client_id, id)
);
create index notification_recipient on work.notification (recipient, created_at) where read_at is null;

do $$
declare
    t text;
begin
    foreach t in array array['work_type', 'queue', 'work_item', 'work_event', 'comment', 'attachment', 'handle_time', 'notification']
    loop
        execute format('alter table work.%I enable row level security', t);
        execute format('alter table work.%I force row level security', t);
        execute format('create policy %I on work.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
        execute format('grant select, insert, update on work.%I to openbpo_app', t);
    end loop;
end
$$;
