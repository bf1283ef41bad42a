-- Earn-backs: a later month that beat its target gives back (part of) a credit granted for an
-- earlier month. Each becomes a positive line on the invoice of the month that earned it,
-- capped at what the credits of the earn-back window actually took off the client's invoices.
alter table billing.invoice_line drop constraint invoice_line_kind_check;
alter table billing.invoice_line add constraint invoice_line_kind_check
    check (kind in ('USAGE', 'PREPAID_FEE', 'MONTHLY_FEE', 'FTE_FEE', 'MINIMUM_TOP_UP', 'ONE_OFF_FEE', 'SERVICE_CREDIT',
                    'CORRECTION', 'EARN_BACK'));

create table billing.earn_back (
    client_id     uuid          not null references tenancy.client (id),
    id            uuid          not null,
    period        date          not null check (extract(day from period) = 1),
    credit_period date          not null check (extract(day from credit_period) = 1 and credit_period < period),
    service_line  text          not null,
    percent       numeric(7, 4) not null check (percent > 0 and percent <= 100),
    reason        text          not null,
    source_key    text          not null,
    invoice_id    uuid,
    granted_at    timestamptz   not null,
    granted_by    text          not null,
    primary key (client_id, id),
    unique (client_id, source_key),
    foreign key (client_id, invoice_id) references billing.invoice (client_id, id)
);
create index earn_back_open on billing.earn_back (client_id, period) where invoice_id is null;
alter table billing.earn_back enable row level security;
alter table billing.earn_back force row level security;
create policy earn_back_isolation on billing.earn_back
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on billing.earn_back to openbpo_app;
