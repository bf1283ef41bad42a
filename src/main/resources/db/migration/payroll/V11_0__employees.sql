create schema if not exists payroll;
grant usage on schema payroll to openbpo_app;

-- A pay group: employees of one country paid on one schedule. Period ends follow the frequency
-- from anchor_period_end; the pay date is pay_offset_days after a period's end, moved back to a
-- business day of the calendar of the client's payroll service line; inputs close cut_off_days
-- business days before the pay date.
create table payroll.pay_group (
    client_id         uuid        not null references tenancy.client (id),
    code              text        not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name              text        not null,
    country           char(2)     not null check (country in ('US', 'GB', 'IN', 'PH')),
    frequency         text        not null check (frequency in ('WEEKLY', 'BIWEEKLY', 'SEMIMONTHLY', 'MONTHLY', 'FOUR_WEEKLY')),
    service_line      text        not null,
    anchor_period_end date        not null,
    pay_offset_days   integer     not null check (pay_offset_days between 0 and 31),
    cut_off_days      integer     not null check (cut_off_days between 0 and 20),
    created_at        timestamptz not null,
    primary key (client_id, code)
);

-- An employee of a client. The bank account is sealed (AES-GCM, bound to client and employee);
-- only its masked form is readable without the key. tax_data holds the country's fields as the
-- payroll module validated them.
create table payroll.employee (
    client_id        uuid          not null references tenancy.client (id),
    id               uuid          not null,
    employee_number  text          not null check (length(employee_number) between 1 and 40),
    given_name       text          not null,
    family_name      text          not null,
    email            text,
    country          char(2)       not null check (country in ('US', 'GB', 'IN', 'PH')),
    tax_residence    text          not null,
    pay_group        text          not null,
    start_date       date          not null,
    leave_date       date,
    pay_basis        text          not null check (pay_basis in ('SALARY', 'HOURLY')),
    annual_salary    numeric(14, 2) check (annual_salary >= 0),
    hourly_rate      numeric(12, 4) check (hourly_rate >= 0),
    standard_hours   numeric(7, 2) check (standard_hours >= 0),
    bank_scheme      text check (bank_scheme in ('IBAN', 'GB_SORT_CODE', 'US_ABA', 'IN_IFSC', 'PH_BANK')),
    bank_account     bytea,
    bank_masked      text,
    tax_data         jsonb         not null,
    created_at       timestamptz   not null,
    updated_at       timestamptz   not null,
    version          integer       not null default 1,
    primary key (client_id, id),
    unique (client_id, employee_number),
    foreign key (client_id, pay_group) references payroll.pay_group (client_id, code),
    check (leave_date is null or leave_date >= start_date),
    check ((pay_basis = 'SALARY' and annual_salary is not null) or (pay_basis = 'HOURLY' and hourly_rate is not null)),
    check ((bank_scheme is null) = (bank_account is null) and (bank_account is null) = (bank_masked is null))
);
create index employee_by_group on payroll.employee (client_id, pay_group, id);

do $$
declare
    t text;
begin
    foreach t in array array['pay_group', 'employee']
    loop
        execute format('alter table payroll.%I enable row level security', t);
        execute format('alter table payroll.%I force row level security', t);
        execute format('create policy %I on payroll.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
    end loop;
end
$$;

grant select, insert, update on payroll.pay_group, payroll.employee to openbpo_app;
