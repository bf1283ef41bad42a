-- The account a pay group's net pay leaves from (the originator of its bank files): the name on the
-- account, the identifier the bank gave the client (NACHA company identification, BACS service user
-- number), the bank's name and the account itself, sealed like employees' accounts and shown masked.
alter table payroll.pay_group
    add column funding_name       text,
    add column funding_identifier text,
    add column funding_bank       text,
    add column funding_scheme     text check (funding_scheme in ('IBAN', 'GB_SORT_CODE', 'US_ABA', 'IN_IFSC', 'PH_BANK')),
    add column funding_account    bytea,
    add column funding_masked     text;

-- The bank file of a paid run: written once, in the transaction that writes its payment instructions
-- (the key is the run), and served as stored ever after, so a repeated pay step returns the same bytes.
create table payroll.bank_file (
    client_id  uuid           not null,
    run_id     bigint         not null,
    format     text           not null check (format in ('NACHA', 'BACS', 'SEPA', 'CSV')),
    file_name  text           not null,
    media_type text           not null,
    content    bytea          not null,
    payments   integer        not null check (payments > 0),
    total      numeric(18, 2) not null check (total > 0),
    currency   char(3)        not null,
    created_at timestamptz    not null,
    primary key (client_id, run_id),
    foreign key (client_id, run_id) references payroll.pay_run (client_id, id)
);

alter table payroll.bank_file enable row level security;
alter table payroll.bank_file force row level security;
create policy bank_file_isolation on payroll.bank_file using ((select tenancy.all_clients())
    or client_id = any ((select tenancy.allowed_clients())::uuid[]));

grant select, insert on payroll.bank_file to openbpo_app;
