-- A client's payroll settings as an employer. claims_employment_allowance: the client's UK payroll may
-- claim the Employment Allowance against its employer NICs. Only one company of a group of connected
-- companies may claim, and a payroll whose only employee is a director may not: the provider's payroll
-- manager records the client's answer here. A client without a row does not claim.
create table payroll.employer_setting (
    client_id                   uuid        not null references tenancy.client (id),
    claims_employment_allowance boolean     not null,
    updated_at                  timestamptz not null,
    primary key (client_id)
);

alter table payroll.employer_setting enable row level security;
alter table payroll.employer_setting force row level security;
create policy employer_setting_isolation on payroll.employer_setting using ((select tenancy.all_clients())
    or client_id = any ((select tenancy.allowed_clients())::uuid[]));

grant select, insert, update on payroll.employer_setting to openbpo_app;
