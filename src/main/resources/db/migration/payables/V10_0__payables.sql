create schema if not exists payables;
grant usage on schema payables to openbpo_app;

-- Per-client accounts-payable settings: matching tolerances, the duplicate window and the
-- client's own bank account that payment runs pay from.
create table payables.settings (
    client_id              uuid          not null references tenancy.client (id),
    price_tolerance_pct    numeric(6, 3) not null default 2 check (price_tolerance_pct >= 0),
    quantity_tolerance_pct numeric(6, 3) not null default 0 check (quantity_tolerance_pct >= 0),
    duplicate_window_days  int           not null default 7 check (duplicate_window_days between 0 and 366),
    originator_name        text,
    originator_id          text,
    originator_account     text,
    originator_bank        text,
    updated_at             timestamptz   not null,
    primary key (client_id)
);

-- Vendors. Bank details are sealed (AES-GCM, bound to client and vendor) and shown masked;
-- only an approved change writes them here.
create table payables.vendor (
    client_id       uuid        not null references tenancy.client (id),
    id              uuid        not null,
    code            text        not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
    name            text        not null check (length(name) between 1 and 140),
    tax_id          text,
    currencies      text[]      not null check (cardinality(currencies) between 1 and 10),
    terms_days      int         not null check (terms_days between 0 and 365),
    discount_pct    numeric(5, 2) not null default 0 check (discount_pct >= 0 and discount_pct < 100),
    discount_days   int         not null default 0 check (discount_days >= 0),
    email           text,
    bank_scheme     text check (bank_scheme in ('IBAN', 'UK', 'US')),
    bank_sealed     bytea,
    bank_masked     text,
    created_at      timestamptz not null,
    created_by      text        not null,
    primary key (client_id, id),
    unique (client_id, code)
);

-- A requested bank detail change. It takes effect only when a second person approves it;
-- one change at a time may wait per vendor.
create table payables.bank_change (
    client_id       uuid        not null,
    id              uuid        not null,
    vendor_id       uuid        not null,
    scheme          text        not null check (scheme in ('IBAN', 'UK', 'US')),
    sealed          bytea       not null,
    masked          text        not null,
    status          text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    requested_by    uuid        not null,
    requested_email text        not null,
    requested_at    timestamptz not null,
    decided_by      uuid,
    decided_email   text,
    decided_at      timestamptz,
    primary key (client_id, id),
    foreign key (client_id, vendor_id) references payables.vendor (client_id, id),
    check (status = 'PENDING' or decided_by is distinct from requested_by)
);
create unique index bank_change_one_pending on payables.bank_change (client_id, vendor_id) where status = 'PENDING';

-- Purchase orders and what was received against them.
create table payables.purchase_order (
    client_id        uuid        not null,
    id               uuid        not null,
    number           text        not null check (length(number) between 1 and 60),
    vendor_id        uuid        not null,
    currency         char(3)     not null,
    receipt_required boolean     not null,
    created_at       timestamptz not null,
    primary key (client_id, id),
    unique (client_id, number),
    foreign key (client_id, vendor_id) references payables.vendor (client_id, id)
);

create table payables.po_line (
    client_id         uuid           not null,
    po_id             uuid           not null,
    line_no           int            not null check (line_no > 0),
    description       text           not null,
    quantity          numeric(18, 4) not null check (quantity > 0),
    unit_price        numeric(18, 4) not null check (unit_price >= 0),
    received_quantity numeric(18, 4) not null default 0 check (received_quantity >= 0),
    invoiced_quantity numeric(18, 4) not null default 0 check (invoiced_quantity >= 0),
    primary key (client_id, po_id, line_no),
    foreign key (client_id, po_id) references payables.purchase_order (client_id, id)
);

create table payables.goods_receipt (
    client_id   uuid           not null,
    id          uuid           not null,
    po_id       uuid           not null,
    line_no     int            not null,
    quantity    numeric(18, 4) not null check (quantity > 0),
    received_on date           not null,
    recorded_at timestamptz    not null,
    recorded_by text           not null,
    primary key (client_id, id),
    foreign key (client_id, po_id, line_no) references payables.po_line (client_id, po_id, line_no)
);

-- Vendor invoices. number_key is the number without punctuation, case or leading zeros, so
-- INV-0042 and inv42 from the same vendor are one invoice.
create table payables.invoice (
    client_id        uuid        not null,
    id               uuid        not null,
    vendor_id        uuid        not null,
    number           text        not null check (length(number) between 1 and 60),
    number_key       text        not null,
    invoice_date     date        not null,
    due_date         date        not null,
    discount_date    date,
    discount_minor   bigint      not null default 0 check (discount_minor >= 0),
    currency         char(3)     not null,
    amount_minor     bigint      not null check (amount_minor > 0),
    tax_minor        bigint      not null default 0 check (tax_minor >= 0),
    po_id            uuid,
    expense_account  text,
    source           text        not null check (source in ('MANUAL', 'CSV', 'XLSX', 'UBL')),
    status           text        not null check (status in ('EXCEPTION', 'AWAITING_APPROVAL', 'APPROVED', 'PROPOSED',
                                                            'PAID', 'REJECTED')),
    exceptions       text[]      not null default '{}',
    work_item_id     bigint,
    captured_at      timestamptz not null,
    captured_by      uuid,
    captured_email   text        not null,
    approved_at      timestamptz,
    approved_email   text,
    primary key (client_id, id),
    unique (client_id, vendor_id, number_key),
    foreign key (client_id, vendor_id) references payables.vendor (client_id, id),
    foreign key (client_id, po_id) references payables.purchase_order (client_id, id)
);
create index invoice_open_by_due on payables.invoice (client_id, currency, due_date)
    where status in ('EXCEPTION', 'AWAITING_APPROVAL', 'APPROVED', 'PROPOSED');
create index invoice_by_vendor_amount on payables.invoice (client_id, vendor_id, amount_minor, invoice_date);
create index invoice_by_work_item on payables.invoice (client_id, work_item_id) where work_item_id is not null;

create table payables.invoice_line (
    client_id    uuid           not null,
    invoice_id   uuid           not null,
    line_no      int            not null,
    description  text           not null,
    quantity     numeric(18, 4) not null,
    unit_price   numeric(18, 4) not null,
    amount_minor bigint         not null,
    po_line_no   int,
    primary key (client_id, invoice_id, line_no),
    foreign key (client_id, invoice_id) references payables.invoice (client_id, id)
);

-- How far each approver may approve, per currency.
create table payables.approval_limit (
    client_id  uuid        not null references tenancy.client (id),
    user_id    uuid        not null,
    currency   char(3)     not null,
    max_minor  bigint      not null check (max_minor > 0),
    set_at     timestamptz not null,
    set_by     text        not null,
    primary key (client_id, user_id, currency)
);

-- A payment proposal: what is due by a date, with the discounts worth taking, for the client to approve.
create table payables.proposal (
    client_id     uuid        not null,
    id            uuid        not null,
    currency      char(3)     not null,
    due_by        date        not null,
    pay_on        date        not null,
    status        text        not null check (status in ('DRAFT', 'APPROVED', 'PAID', 'CANCELLED')),
    total_minor   bigint      not null,
    discount_minor bigint     not null,
    created_at    timestamptz not null,
    created_by    uuid        not null,
    created_email text        not null,
    approved_at   timestamptz,
    approved_by   uuid,
    approved_email text,
    primary key (client_id, id),
    check (approved_by is distinct from created_by)
);

create table payables.proposal_item (
    client_id      uuid   not null,
    proposal_id    uuid   not null,
    invoice_id     uuid   not null,
    pay_minor      bigint not null check (pay_minor > 0),
    discount_minor bigint not null check (discount_minor >= 0),
    primary key (client_id, proposal_id, invoice_id),
    foreign key (client_id, proposal_id) references payables.proposal (client_id, id),
    foreign key (client_id, invoice_id) references payables.invoice (client_id, id)
);

-- A payment run: one per approved proposal, with the bank file it produced.
create table payables.payment_run (
    client_id   uuid        not null,
    id          uuid        not null,
    proposal_id uuid        not null,
    format      text        not null check (format in ('NACHA', 'SEPA', 'BACS')),
    file_name   text        not null,
    file        bytea       not null,
    paid_on     date        not null,
    count       int         not null,
    total_minor bigint      not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    primary key (client_id, id),
    unique (client_id, proposal_id),
    foreign key (client_id, proposal_id) references payables.proposal (client_id, id)
);

-- One row per paid invoice: the primary key is what makes paying an invoice twice impossible.
create table payables.payment (
    client_id      uuid   not null,
    invoice_id     uuid   not null,
    run_id         uuid   not null,
    amount_minor   bigint not null check (amount_minor > 0),
    discount_minor bigint not null check (discount_minor >= 0),
    primary key (client_id, invoice_id),
    foreign key (client_id, invoice_id) references payables.invoice (client_id, id),
    foreign key (client_id, run_id) references payables.payment_run (client_id, id)
);

do $$
declare
    t text;
begin
    foreach t in array array['settings', 'vendor', 'bank_change', 'purchase_order', 'po_line', 'goods_receipt', 'invoice',
                             'invoice_line', 'approval_limit', 'proposal', 'proposal_item', 'payment_run', 'payment']
    loop
        execute format('alter table payables.%I enable row level security', t);
        execute format('alter table payables.%I force row level security', t);
        execute format('create policy %I on payables.%I using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]))',
                       t || '_isolation', t);
    end loop;
end
$$;

grant select, insert, update on payables.settings, payables.vendor, payables.bank_change, payables.purchase_order,
    payables.po_line, payables.invoice, payables.proposal to openbpo_app;
grant select, insert on payables.goods_receipt, payables.invoice_line, payables.approval_limit, payables.proposal_item,
    payables.payment_run, payables.payment to openbpo_app;
grant update, delete on payables.approval_limit to openbpo_app;
