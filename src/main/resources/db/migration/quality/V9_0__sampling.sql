create schema if not exists quality;
grant usage on schema quality to openbpo_app;

-- Completed work picked for a QA evaluation, once per item.
create table quality.sample (
    client_id    uuid        not null references tenancy.client (id),
    item_id      bigint      not null,
    work_type    text        not null,
    service_line text        not null,
    agent_id     uuid,
    reason       text        not null check (reason in ('SAMPLE_RATE', 'NEW_AGENT')),
    sampled_at   timestamptz not null,
    status       text        not null default 'WAITING' check (status in ('WAITING', 'EVALUATED')),
    primary key (client_id, item_id)
);
create index sample_waiting on quality.sample (client_id, sampled_at) where status = 'WAITING';
create index sample_agent on quality.sample (client_id, agent_id);

alter table quality.sample enable row level security;
alter table quality.sample force row level security;
create policy sample_isolation on quality.sample
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on quality.sample to openbpo_app;
