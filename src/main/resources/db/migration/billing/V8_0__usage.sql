create schema if not exists billing;
grant usage on schema billing to openbpo_app;

-- One row per billable unit of completed work. The unique key makes metering exactly-once: a
-- redelivered completion event finds its row and adds nothing.
create table billing.usage_record (
    client_id    uuid           not null references tenancy.client (id),
    id           bigint generated always as identity,
    source       text           not null,
    source_id    text           not null,
    service_line text           not null,
    unit         text           not null,
    quantity     numeric(18, 4) not null check (quantity > 0),
    occurred_at  timestamptz    not null,
    period       date           not null, -- first day of the month, in the client's time zone
    invoice_id   uuid,
    primary key (client_id, id),
    unique (client_id, source, source_id, unit)
);
create index usage_record_period on billing.usage_record (client_id, period, service_line);

alter table billing.usage_record enable row level security;
alter table billing.usage_record force row level security;
create policy usage_record_isolation on billing.usage_record
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert on billing.usage_record to openbpo_app;
