-- What a missed KPI target costs, per contract, service line and KPI. Each change is a new version
-- effective from a month; a month is scored with the latest version effective by then.
create table quality.credit_rule (
    client_id         uuid          not null references tenancy.client (id),
    contract_id       uuid          not null,
    service_line      text          not null,
    kpi               text          not null,
    version           integer       not null,
    effective_from    text          not null check (effective_from ~ '^[0-9]{4}-[0-9]{2}$'),
    tiers             jsonb         not null,
    cap_percent       numeric(5, 2) not null check (cap_percent > 0 and cap_percent <= 100),
    earn_back_periods integer       not null default 0 check (earn_back_periods between 0 and 12),
    created_at        timestamptz   not null,
    created_by        text          not null,
    primary key (client_id, contract_id, service_line, kpi, version)
);

-- A signed-off month: the scorecard as it stood, frozen. Never updated or deleted.
create table quality.scorecard_sign_off (
    client_id      uuid        not null references tenancy.client (id),
    contract_id    uuid        not null,
    period         text        not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    snapshot       jsonb       not null,
    signed_off_by  text        not null,
    signed_off_at  timestamptz not null,
    primary key (client_id, contract_id, period)
);

-- The credits a signed-off month owes, and where a later month earned one back.
create table quality.credit_owed (
    client_id       uuid          not null references tenancy.client (id),
    contract_id     uuid          not null,
    period          text          not null,
    service_line    text          not null,
    kpi             text          not null,
    percent         numeric(5, 2) not null,
    reason          text          not null,
    earned_back_in  text,
    primary key (client_id, contract_id, period, service_line, kpi),
    foreign key (client_id, contract_id, period) references quality.scorecard_sign_off (client_id, contract_id, period)
);

do
$$
declare
    t text;
begin
    foreach t in array array['credit_rule', 'scorecard_sign_off', 'credit_owed']
    loop
        execute format('alter table quality.%I enable row level security', t);
        execute format('alter table quality.%I force row level security', t);
        execute format('create policy %I on quality.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
        execute format('grant select, insert on quality.%I to openbpo_app', t);
    end loop;
end
$$;
-- Only the earn-back mark of an owed credit ever changes, once.
grant update (earned_back_in) on quality.credit_owed to openbpo_app;
