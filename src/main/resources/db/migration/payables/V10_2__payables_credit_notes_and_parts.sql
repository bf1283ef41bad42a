-- Credit notes from vendors, and invoices paid in parts.

-- What of an invoice is settled: paid, discounts taken and vendor credit applied, by payment runs.
-- The check is what makes paying (or crediting) more than the invoice impossible, whatever races.
alter table payables.invoice add column settled_minor bigint not null default 0;
alter table payables.invoice add constraint invoice_settled_within_amount check (settled_minor between 0 and amount_minor);
update payables.invoice i set settled_minor = p.amount_minor + p.discount_minor
  from payables.payment p where p.client_id = i.client_id and p.invoice_id = i.id;

-- A credit note: the vendor owes the client money back, to be set against its open invoices.
-- applied_minor is what proposals (not cancelled) have set against invoices so far.
create table payables.credit_note (
    client_id      uuid        not null,
    id             uuid        not null,
    vendor_id      uuid        not null,
    number         text        not null check (length(number) between 1 and 60),
    number_key     text        not null,
    credit_date    date        not null,
    currency       char(3)     not null,
    amount_minor   bigint      not null check (amount_minor > 0),
    applied_minor  bigint      not null default 0,
    invoice_number text,
    reason         text,
    source         text        not null check (source in ('MANUAL', 'CSV', 'UBL')),
    captured_at    timestamptz not null,
    captured_email text        not null,
    primary key (client_id, id),
    unique (client_id, vendor_id, number_key),
    foreign key (client_id, vendor_id) references payables.vendor (client_id, id),
    check (applied_minor between 0 and amount_minor)
);
create index credit_note_open on payables.credit_note (client_id, vendor_id, currency, credit_date)
    where applied_minor < amount_minor;

-- Which credit a proposal set against which invoice.
create table payables.credit_application (
    client_id      uuid   not null,
    credit_note_id uuid   not null,
    proposal_id    uuid   not null,
    invoice_id     uuid   not null,
    amount_minor   bigint not null check (amount_minor > 0),
    primary key (client_id, credit_note_id, proposal_id, invoice_id),
    foreign key (client_id, credit_note_id) references payables.credit_note (client_id, id),
    foreign key (client_id, proposal_id, invoice_id) references payables.proposal_item (client_id, proposal_id, invoice_id)
);

-- A proposal item may pay part of what is open, and may be settled partly or wholly by credit.
alter table payables.proposal_item add column credit_minor bigint not null default 0 check (credit_minor >= 0);
-- What was open of the invoice when it was proposed.
alter table payables.proposal_item add column open_minor bigint;
update payables.proposal_item set open_minor = pay_minor + discount_minor;
alter table payables.proposal_item alter column open_minor set not null;
alter table payables.proposal_item add constraint proposal_item_within_open
    check (pay_minor + discount_minor + credit_minor <= open_minor);
alter table payables.proposal_item drop constraint proposal_item_pay_minor_check;
alter table payables.proposal_item add constraint proposal_item_settles_something
    check (pay_minor >= 0 and pay_minor + discount_minor + credit_minor > 0);
alter table payables.proposal add column credit_minor bigint not null default 0;

-- One payment per invoice and run: an invoice paid in parts has several. No run pays an invoice
-- twice, and the invoice's settled amount (above) never passes its amount.
alter table payables.payment add column credit_minor bigint not null default 0 check (credit_minor >= 0);
alter table payables.payment drop constraint payment_pkey;
alter table payables.payment add primary key (client_id, invoice_id, run_id);
alter table payables.payment drop constraint payment_amount_minor_check;
alter table payables.payment add constraint payment_settles_something
    check (amount_minor >= 0 and amount_minor + discount_minor + credit_minor > 0);
create index payment_by_run on payables.payment (client_id, run_id);

-- Payments settle their invoices in the same statement, whoever writes them: an invoice settled in
-- full is paid, one paid in part is approved again with the rest open, and the invoice's check
-- refuses any payment that would settle more than its amount.
create function payables.settle_invoices() returns trigger
    language plpgsql security definer set search_path = pg_catalog, payables as
$$
begin
    update payables.invoice i
       set settled_minor = i.settled_minor + s.minor,
           status = case when i.settled_minor + s.minor = i.amount_minor then 'PAID' else 'APPROVED' end
      from (select client_id, invoice_id, sum(amount_minor + discount_minor + credit_minor) as minor
              from new_payments group by client_id, invoice_id) s
     where i.client_id = s.client_id and i.id = s.invoice_id;
    return null;
end
$$;

create trigger payment_settles_invoice after insert on payables.payment
    referencing new table as new_payments for each statement execute function payables.settle_invoices();

do $$
declare
    t text;
begin
    foreach t in array array['credit_note', 'credit_application']
    loop
        execute format('alter table payables.%I enable row level security', t);
        execute format('alter table payables.%I force row level security', t);
        execute format('create policy %I on payables.%I using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]))',
                       t || '_isolation', t);
    end loop;
end
$$;

grant select, insert, update on payables.credit_note to openbpo_app;
grant select, insert, delete on payables.credit_application to openbpo_app;
grant maintain on payables.credit_note, payables.credit_application to openbpo_app;
