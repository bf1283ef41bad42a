-- A client's month is closed for billing once its invoice goes to review: usage metered later
-- for that month is carried into the next open month, so a reviewed invoice never misses any.
create table billing.closed_period (
    client_id uuid        not null references tenancy.client (id),
    period    date        not null check (extract(day from period) = 1),
    closed_at timestamptz not null,
    closed_by text        not null,
    primary key (client_id, period)
);

-- Invoices and credit notes. Draft → review → issued; an issued one never changes (the trigger
-- below refuses it even to the application's own role); a correction is a credit note.
create table billing.invoice (
    client_id     uuid           not null references tenancy.client (id),
    id            uuid           not null,
    kind          text           not null check (kind in ('INVOICE', 'CREDIT_NOTE')),
    period        date           not null check (extract(day from period) = 1),
    currency      char(3)        not null,
    status        text           not null check (status in ('DRAFT', 'REVIEW', 'ISSUED')),
    number        text unique,
    corrects      uuid,
    reason        text,
    subtotal      numeric(18, 4) not null,
    tax           numeric(18, 4) not null,
    total         numeric(18, 4) not null,
    usage_records bigint         not null default 0,
    drafted_at    timestamptz    not null,
    drafted_by    text           not null,
    reviewed_at   timestamptz,
    reviewed_by   text,
    issued_at     timestamptz,
    issued_by     text,
    issued_on     date,
    primary key (client_id, id),
    foreign key (client_id, corrects) references billing.invoice (client_id, id),
    check ((status = 'ISSUED') = (number is not null)),
    check ((kind = 'CREDIT_NOTE') = (corrects is not null)),
    check (subtotal + tax = total)
);
create unique index invoice_one_per_month on billing.invoice (client_id, period, currency) where kind = 'INVOICE';
create index invoice_by_period on billing.invoice (client_id, period);

create table billing.invoice_line (
    client_id       uuid           not null,
    invoice_id      uuid           not null,
    line_no         int            not null,
    kind            text           not null check (kind in ('USAGE', 'PREPAID_FEE', 'MONTHLY_FEE', 'FTE_FEE', 'MINIMUM_TOP_UP',
                                                           'ONE_OFF_FEE', 'SERVICE_CREDIT', 'CORRECTION')),
    service_line    text           not null,
    unit            text,
    description     text           not null,
    quantity        numeric(18, 4) not null,
    billed_quantity numeric(18, 4) not null,
    amount          numeric(18, 4) not null,
    tax_name        text           not null,
    tax_percent     numeric(7, 4)  not null,
    records         bigint         not null default 0,
    reference       uuid,
    corrects_line   int,
    primary key (client_id, invoice_id, line_no),
    foreign key (client_id, invoice_id) references billing.invoice (client_id, id)
);

-- Each month of a prepaid bank, as its invoice rated it: the next month's carried-in units.
create table billing.prepaid_month (
    client_id    uuid           not null,
    invoice_id   uuid           not null,
    service_line text           not null,
    plan_id      uuid           not null,
    period       date           not null,
    allowance    numeric(18, 4) not null,
    carried_in   numeric(18, 4) not null,
    used         numeric(18, 4) not null,
    overage      numeric(18, 4) not null,
    carried_out  numeric(18, 4) not null,
    primary key (client_id, invoice_id, service_line),
    foreign key (client_id, invoice_id) references billing.invoice (client_id, id)
);
create index prepaid_month_by_period on billing.prepaid_month (client_id, service_line, period);

-- Gap-free numbers per provider: the counter row is locked by the issuing transaction until it
-- commits, and a rolled-back issue rolls the counter back with it. Provider-owned, not a client's.
create table billing.invoice_series (
    series      text   not null,
    year        int    not null,
    next_number bigint not null,
    primary key (series, year)
);

create function billing.refuse_changes_to_issued() returns trigger
    language plpgsql as
$$
declare
    issued boolean;
begin
    if tg_table_name = 'invoice' then
        if old.status = 'ISSUED' then
            raise exception 'invoice % is issued and cannot change; correct it with a credit note', old.number
                using errcode = 'P0001';
        end if;
    else
        select status = 'ISSUED' into issued from billing.invoice
         where client_id = coalesce(old.client_id, new.client_id) and id = coalesce(old.invoice_id, new.invoice_id);
        if issued then
            raise exception 'the lines of an issued invoice cannot change' using errcode = 'P0001';
        end if;
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger invoice_issued_is_final before update or delete on billing.invoice
    for each row execute function billing.refuse_changes_to_issued();
create trigger invoice_line_issued_is_final before insert or update or delete on billing.invoice_line
    for each row execute function billing.refuse_changes_to_issued();

do $$
declare
    t text;
begin
    foreach t in array array['closed_period', 'invoice', 'invoice_line', 'prepaid_month']
    loop
        execute format('alter table billing.%I enable row level security', t);
        execute format('alter table billing.%I force row level security', t);
        execute format('create policy %I on billing.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
    end loop;
end
$$;
grant select, insert, delete on billing.closed_period to openbpo_app;
grant select, insert, update, delete on billing.invoice to openbpo_app;
grant select, insert, delete on billing.invoice_line to openbpo_app;
grant select, insert, delete on billing.prepaid_month to openbpo_app;
grant select, insert, update on billing.invoice_series to openbpo_app;

-- Service credits owed to a client: a percentage of one service line's fees for one month,
-- netted as a negative line on the first invoice drafted after it was granted.
create table billing.service_credit (
    client_id    uuid          not null references tenancy.client (id),
    id           uuid          not null,
    period       date          not null check (extract(day from period) = 1),
    service_line text          not null,
    percent      numeric(7, 4) not null check (percent > 0 and percent <= 100),
    reason       text          not null,
    source_key   text          not null,
    invoice_id   uuid,
    granted_at   timestamptz   not null,
    granted_by   text          not null,
    primary key (client_id, id),
    unique (client_id, source_key),
    foreign key (client_id, invoice_id) references billing.invoice (client_id, id)
);
create index service_credit_open on billing.service_credit (client_id, period) where invoice_id is null;
alter table billing.service_credit enable row level security;
alter table billing.service_credit force row level security;
create policy service_credit_isolation on billing.service_credit
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on billing.service_credit to openbpo_app;
