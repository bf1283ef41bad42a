-- A pay run of one pay group for one period, run as a work item of the client's payroll service line.
-- A regular run exists once per group and period (a cancelled one aside); off-cycle runs pay one-off
-- earnings (bonuses, corrections, retro pay) in the same tax period. first_payslip_number is taken from
-- the client's counter when the run is finalised; a payslip's number is it plus the payslip's ordinal.
create table payroll.pay_run (
    client_id            uuid           not null references tenancy.client (id),
    id                   bigint generated always as identity,
    pay_group            text           not null,
    kind                 text           not null check (kind in ('REGULAR', 'OFF_CYCLE')),
    period_start         date           not null,
    period_end           date           not null,
    pay_date             date           not null,
    cut_off              date           not null,
    tax_year             text           not null,
    period_number        integer        not null,
    frequency            text           not null,
    currency             char(3)        not null,
    status               text           not null check (status in ('PREPARED', 'CHECKING', 'AWAITING_CLIENT', 'APPROVED',
                                                                   'FINALISED', 'PAID', 'CANCELLED')),
    work_item_id         bigint,
    prepared_by          uuid           not null,
    prepared_by_name     text           not null,
    checked_by           uuid,
    checked_by_name      text,
    approved_by          uuid,
    approved_by_name     text,
    employees            integer        not null default 0,
    gross                numeric(18, 2) not null default 0,
    net                  numeric(18, 2) not null default 0,
    employer_costs       numeric(18, 2) not null default 0,
    anomalies            integer        not null default 0,
    first_payslip_number bigint,
    prepared_at          timestamptz    not null,
    finalised_at         timestamptz,
    paid_at              timestamptz,
    primary key (client_id, id),
    foreign key (client_id, pay_group) references payroll.pay_group (client_id, code)
);
create unique index pay_run_regular_once on payroll.pay_run (client_id, pay_group, period_end)
    where kind = 'REGULAR' and status <> 'CANCELLED';

create table payroll.payslip_counter (
    client_id   uuid   not null references tenancy.client (id),
    last_number bigint not null,
    primary key (client_id)
);

-- One employee's pay in a run. Amounts are the pay run's currency; tax is the income tax line
-- (FIT, PAYE, TDS, WTAX), contributions the other statutory lines; deductions are after tax.
create table payroll.payslip (
    client_id              uuid           not null,
    run_id                 bigint         not null,
    employee_id            uuid           not null,
    ordinal                integer        not null,
    employee_number        text           not null,
    employee_name          text           not null,
    gross                  numeric(14, 2) not null,
    tax                    numeric(14, 2) not null,
    employee_contributions numeric(14, 2) not null,
    employer_contributions numeric(14, 2) not null,
    deductions             numeric(14, 2) not null,
    net                    numeric(14, 2) not null,
    has_bank_account       boolean        not null,
    anomalies              text,
    primary key (client_id, run_id, employee_id),
    unique (client_id, run_id, ordinal),
    foreign key (client_id, run_id) references payroll.pay_run (client_id, id),
    foreign key (client_id, employee_id) references payroll.employee (client_id, id)
);

-- A payslip's lines: E earnings, T tax and employee contributions, D deductions after tax, R employer costs.
-- No foreign key to the payslip: lines are written right after their payslips by the same statement
-- sequence, and a key check per line against a table growing in the same transaction got a plan cached
-- while the table was empty (a sequential scan per check), which made a large run quadratic.
create table payroll.payslip_line (
    client_id   uuid           not null,
    run_id      bigint         not null,
    employee_id uuid           not null,
    line_no     smallint       not null,
    section     char(1)        not null check (section in ('E', 'T', 'D', 'R')),
    code        text           not null,
    amount      numeric(14, 2) not null,
    base        numeric(14, 2),
    rule        text           not null,
    primary key (client_id, run_id, employee_id, line_no)
);

-- What to pay whom: written once per run and employee (the key), so paying again adds nothing. The
-- account is the employee's sealed account as it was when the run was paid.
create table payroll.payment_instruction (
    client_id    uuid           not null,
    run_id       bigint         not null,
    employee_id  uuid           not null,
    amount       numeric(14, 2) not null check (amount > 0),
    currency     char(3)        not null,
    pay_date     date           not null,
    bank_scheme  text           not null,
    bank_account bytea          not null,
    bank_masked  text           not null,
    reference    text           not null,
    created_at   timestamptz    not null,
    primary key (client_id, run_id, employee_id),
    foreign key (client_id, run_id, employee_id) references payroll.payslip (client_id, run_id, employee_id)
);

-- Payslips of a run that is finalised or paid are locked: no update or delete, whoever asks.
create function payroll.payslip_locked() returns trigger language plpgsql as $$
begin
    if exists (select 1 from payroll.pay_run r where r.client_id = old.client_id and r.id = old.run_id
               and r.status in ('FINALISED', 'PAID')) then
        raise exception 'pay run % is finalised; its payslips cannot change', old.run_id using errcode = 'PR001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
create trigger payslip_locked before update or delete on payroll.payslip
    for each row execute function payroll.payslip_locked();
create trigger payslip_line_locked before update or delete on payroll.payslip_line
    for each row execute function payroll.payslip_locked();

do $$
declare
    t text;
begin
    foreach t in array array['pay_run', 'payslip_counter', 'payslip', 'payslip_line', 'payment_instruction']
    loop
        execute format('alter table payroll.%I enable row level security', t);
        execute format('alter table payroll.%I force row level security', t);
        execute format('create policy %I on payroll.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
    end loop;
end
$$;

grant select, insert, update on payroll.pay_run, payroll.payslip_counter to openbpo_app;
grant select, insert, delete on payroll.payslip, payroll.payslip_line to openbpo_app;
grant select, insert on payroll.payment_instruction to openbpo_app;
grant maintain on payroll.payslip, payroll.payslip_line, payroll.to_date to openbpo_app;
