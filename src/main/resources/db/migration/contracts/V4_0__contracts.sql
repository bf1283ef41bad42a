create schema if not exists contracts;
grant usage on schema contracts to openbpo_app;

-- A contract is versioned: each version takes effect at a moment and applies to work created
-- from then on. Work items remember the version they were created under.
create table contracts.contract (
    client_id  uuid        not null references tenancy.client (id),
    id         uuid        not null,
    reference  text        not null,
    title      text        not null,
    currency   char(3)     not null,
    starts_on  date        not null,
    ends_on    date,
    status     text        not null check (status in ('DRAFT', 'ACTIVE', 'ENDED')),
    created_at timestamptz not null,
    primary key (client_id, id),
    unique (client_id, reference),
    check (ends_on is null or ends_on > starts_on)
);

create table contracts.contract_version (
    client_id      uuid        not null,
    contract_id    uuid        not null,
    version        int         not null,
    effective_from timestamptz not null,
    calendar       jsonb       not null, -- the client's business calendar: zone, weekly hours, holidays
    note           text,
    created_at     timestamptz not null,
    created_by     text        not null,
    primary key (client_id, contract_id, version),
    foreign key (client_id, contract_id) references contracts.contract (client_id, id)
);

create table contracts.service_line (
    client_id   uuid    not null,
    contract_id uuid    not null,
    code        text    not null,
    name        text    not null,
    kind        text    not null check (kind in ('CUSTOMER_SUPPORT', 'TECH_SUPPORT', 'IT_SERVICE_DESK', 'PAYROLL',
                                                 'ACCOUNTS_PAYABLE', 'BOOKKEEPING', 'DATA_ENTRY', 'HR_ADMINISTRATION',
                                                 'BACK_OFFICE')),
    work_type   text    not null,
    active      boolean not null default true,
    primary key (client_id, code),
    foreign key (client_id, contract_id) references contracts.contract (client_id, id)
);

-- SLA targets per contract version, service line and priority. Durations are business time on
-- the version's calendar; turnaround is in business days with a cut-off time.
create table contracts.sla_target (
    client_id           uuid     not null,
    contract_id         uuid     not null,
    version             int      not null,
    service_line        text     not null,
    priority            text     not null check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    first_response_mins int check (first_response_mins > 0),
    resolution_mins     int check (resolution_mins > 0),
    turnaround_days     int check (turnaround_days >= 0),
    cut_off             time,
    warning_share       numeric(4, 3) not null default 0.800 check (warning_share > 0 and warning_share < 1),
    primary key (client_id, contract_id, version, service_line, priority),
    foreign key (client_id, contract_id, version) references contracts.contract_version (client_id, contract_id, version),
    check (resolution_mins is not null or turnaround_days is not null)
);

create table contracts.kpi_target (
    client_id    uuid          not null,
    contract_id  uuid          not null,
    version      int           not null,
    service_line text          not null,
    kpi          text          not null check (kpi in ('SLA_ATTAINMENT', 'ACCURACY', 'CSAT', 'FIRST_CONTACT_RESOLUTION',
                                                        'AVERAGE_HANDLE_TIME', 'BACKLOG_AGE', 'CUT_OFF_ADHERENCE')),
    target       numeric(12, 4) not null,
    primary key (client_id, contract_id, version, service_line, kpi),
    foreign key (client_id, contract_id, version) references contracts.contract_version (client_id, contract_id, version)
);

do $$
declare
    t text;
begin
    foreach t in array array['contract', 'contract_version', 'service_line', 'sla_target', 'kpi_target']
    loop
        execute format('alter table contracts.%I enable row level security', t);
        execute format('alter table contracts.%I force row level security', t);
        execute format('create policy %I on contracts.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
        execute format('grant select, insert, update on contracts.%I to openbpo_app', t);
    end loop;
end
$$;
