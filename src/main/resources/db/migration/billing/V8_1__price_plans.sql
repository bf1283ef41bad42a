-- Price plans: what a contract's service line costs. A plan is a sequence of versions, each in
-- force from the first day of a month (a billing period) until the next one starts. Prices are
-- amounts in the contract's currency; tiers are {"upTo": units or null, "unitPrice": amount}.
create table billing.price_plan (
    client_id          uuid           not null references tenancy.client (id),
    id                 uuid           not null,
    contract_id        uuid           not null,
    service_line       text           not null,
    effective_from     date           not null check (extract(day from effective_from) = 1),
    effective_to       date check (effective_to is null or (extract(day from effective_to) = 1 and effective_to > effective_from)),
    currency           char(3)        not null,
    unit               text           not null,
    pricing            text           not null check (pricing in ('GRADUATED', 'VOLUME')),
    tiers              jsonb          not null,
    monthly_fee        numeric(18, 4) not null default 0 check (monthly_fee >= 0),
    fte_agents         numeric(9, 2)  not null default 0 check (fte_agents >= 0),
    fte_hours          numeric(9, 2)  not null default 0 check (fte_hours >= 0),
    fte_hourly_rate    numeric(18, 4) not null default 0 check (fte_hourly_rate >= 0),
    minimum_commitment numeric(18, 4) not null default 0 check (minimum_commitment >= 0),
    prepaid_units      numeric(18, 4) not null default 0 check (prepaid_units >= 0),
    prepaid_fee        numeric(18, 4) not null default 0 check (prepaid_fee >= 0),
    rollover           boolean        not null default false,
    tax_name           text           not null,
    tax_percent        numeric(7, 4)  not null check (tax_percent >= 0 and tax_percent <= 100),
    note               text,
    created_at         timestamptz    not null,
    created_by         text           not null,
    primary key (client_id, id),
    -- the backstop for the overlap check done under a lock: two versions never start together
    unique (client_id, contract_id, service_line, effective_from),
    foreign key (client_id, contract_id) references contracts.contract (client_id, id)
);

-- Fees charged once, on the invoice of their period (set-up, training, a project).
create table billing.one_off_fee (
    client_id    uuid           not null references tenancy.client (id),
    id           uuid           not null,
    contract_id  uuid           not null,
    service_line text           not null,
    period       date           not null check (extract(day from period) = 1),
    description  text           not null,
    amount       numeric(18, 4) not null check (amount > 0),
    source_key   text           not null,
    created_at   timestamptz    not null,
    created_by   text           not null,
    primary key (client_id, id),
    unique (client_id, source_key),
    foreign key (client_id, contract_id) references contracts.contract (client_id, id)
);

do $$
declare
    t text;
begin
    foreach t in array array['price_plan', 'one_off_fee']
    loop
        execute format('alter table billing.%I enable row level security', t);
        execute format('alter table billing.%I force row level security', t);
        execute format('create policy %I on billing.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
    end loop;
end
$$;
grant select, insert, update on billing.price_plan to openbpo_app;
grant select, insert on billing.one_off_fee to openbpo_app;
