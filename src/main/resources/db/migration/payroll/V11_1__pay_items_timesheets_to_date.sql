-- Earnings and deductions beyond the salary: recurring ones apply to every period they overlap; a
-- one-off applies once, to the first run that pays it (paid_in_run), regular or off-cycle as it says.
-- Earnings are taxable pay; deductions are taken from the net after tax.
create table payroll.pay_item (
    client_id    uuid           not null references tenancy.client (id),
    id           bigint generated always as identity,
    employee_id  uuid           not null,
    kind         text           not null check (kind in ('EARNING', 'DEDUCTION')),
    code         text           not null check (code ~ '^[A-Z][A-Z0-9_]{0,31}$'),
    description  text           not null,
    amount       numeric(14, 2) not null check (amount > 0),
    recurring    boolean        not null,
    off_cycle    boolean        not null default false,
    starts_on    date           not null,
    ends_on      date,
    paid_in_run  bigint,
    created_at   timestamptz    not null,
    created_by   text           not null,
    primary key (client_id, id),
    foreign key (client_id, employee_id) references payroll.employee (client_id, id),
    check (ends_on is null or ends_on >= starts_on),
    check (not (recurring and off_cycle))
);
create index pay_item_by_employee on payroll.pay_item (client_id, employee_id, starts_on);

-- Hours worked per employee and period, from the client's timesheet files.
create table payroll.timesheet (
    client_id      uuid          not null references tenancy.client (id),
    employee_id    uuid          not null,
    period_end     date          not null,
    hours          numeric(7, 2) not null check (hours >= 0),
    imported_at    timestamptz   not null,
    primary key (client_id, employee_id, period_end),
    foreign key (client_id, employee_id) references payroll.employee (client_id, id)
);

-- Pay and tax to date per employee and tax year, carried across periods: written when a run is
-- finalised, in the same transaction; last_run makes applying one run twice impossible.
create table payroll.to_date (
    client_id              uuid           not null references tenancy.client (id),
    employee_id            uuid           not null,
    tax_year               text           not null,
    gross                  numeric(16, 2) not null,
    tax                    numeric(16, 2) not null,
    employee_contributions numeric(16, 2) not null,
    employer_contributions numeric(16, 2) not null,
    net                    numeric(16, 2) not null,
    last_regular_net       numeric(16, 2),
    last_run               bigint         not null,
    primary key (client_id, employee_id, tax_year),
    foreign key (client_id, employee_id) references payroll.employee (client_id, id)
);

do $$
declare
    t text;
begin
    foreach t in array array['pay_item', 'timesheet', 'to_date']
    loop
        execute format('alter table payroll.%I enable row level security', t);
        execute format('alter table payroll.%I force row level security', t);
        execute format('create policy %I on payroll.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
    end loop;
end
$$;

grant select, insert, update on payroll.pay_item, payroll.timesheet, payroll.to_date to openbpo_app;
