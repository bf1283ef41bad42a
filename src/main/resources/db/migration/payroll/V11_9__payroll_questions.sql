-- Employees' payroll questions: each is a work item of the client's payroll-question service line; this
-- row ties the item to the employee (and the pay run, when the question names one) so a payroll
-- specialist sees an employee's questions. Written in the transaction that raises the item.
create table payroll.question (
    client_id    uuid        not null,
    work_item_id bigint      not null,
    employee_id  uuid        not null,
    topic        text        not null check (topic in ('PAY_MISSING', 'PAY_AMOUNT', 'TAX', 'DEDUCTION', 'PAYSLIP',
                                                       'BANK_DETAILS', 'OTHER')),
    run_id       bigint,
    created_at   timestamptz not null,
    primary key (client_id, work_item_id),
    foreign key (client_id, employee_id) references payroll.employee (client_id, id),
    foreign key (client_id, run_id) references payroll.pay_run (client_id, id)
);

create index question_by_employee on payroll.question (client_id, employee_id, work_item_id desc);

alter table payroll.question enable row level security;
alter table payroll.question force row level security;
create policy question_isolation on payroll.question using ((select tenancy.all_clients())
    or client_id = any ((select tenancy.allowed_clients())::uuid[]));

grant select, insert on payroll.question to openbpo_app;
