-- The provider's own books ("the house"): the provider's legal entity is registered in tenancy
-- like a client and designated here, once. Its books are ordinary books under its own id, so
-- every rule of the journal (balance, periods, append-only, row-level security) applies to them
-- too; issued client invoices and credit notes post to them as receivables.
-- One row at most; provider-owned, not client-owned, so it has no row-level security: knowing
-- which id the house has is not a secret, reading its books still needs its id in the scope.
create table ledger.house_book (
    singleton     boolean     not null default true primary key check (singleton),
    client_id     uuid        not null unique references tenancy.client (id),
    designated_at timestamptz not null,
    designated_by text        not null
);
grant select, insert on ledger.house_book to openbpo_app;

-- Client invoices and credit notes are journal sources of the house book.
alter table ledger.entry drop constraint entry_source_check;
alter table ledger.entry add constraint entry_source_check
    check (source in ('MANUAL', 'PAYROLL_RUN', 'VENDOR_INVOICE', 'PAYMENT', 'IMPORT', 'REVERSAL', 'REVALUATION',
                      'CLIENT_INVOICE', 'CREDIT_NOTE'));
