-- Who at the client receives its invoices by e-mail.
create table billing.billing_contact (
    client_id  uuid        not null references tenancy.client (id),
    email      text        not null check (length(email) between 3 and 320),
    name       text        not null,
    updated_at timestamptz not null,
    updated_by text        not null,
    primary key (client_id)
);
alter table billing.billing_contact enable row level security;
alter table billing.billing_contact force row level security;
create policy billing_contact_isolation on billing.billing_contact
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on billing.billing_contact to openbpo_app;

-- The provider's outgoing mail server and billing address (one row at most; provider-owned).
create table billing.mail_server (
    singleton       boolean     not null default true primary key check (singleton),
    host            text        not null,
    port            int         not null check (port between 1 and 65535),
    security        text        not null check (security in ('NONE', 'STARTTLS', 'TLS')),
    username        text,
    sealed_password bytea,
    from_address    text        not null,
    from_name       text        not null,
    updated_at      timestamptz not null,
    updated_by      text        not null
);
grant select, insert, update on billing.mail_server to openbpo_app;

-- Invoice mails waiting to go out, written in the transaction that issues the invoice (or asks
-- for it to be sent again) and sent by SMTP only after it commits: a crash before the commit
-- sends nothing, a crash after it sends later. The Message-ID is fixed here, so a resend after a
-- crash mid-send is the same message. Each row is one mail; sending again is a new row.
create table billing.invoice_mail (
    client_id       uuid        not null references tenancy.client (id),
    id              uuid        not null,
    invoice_id      uuid        not null,
    reason          text        not null check (reason in ('ISSUED', 'SENT_AGAIN')),
    message_id      text        not null,
    recipient       text        not null,
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    created_by      text        not null,
    sent_at         timestamptz,
    primary key (client_id, id),
    unique (client_id, message_id),
    foreign key (client_id, invoice_id) references billing.invoice (client_id, id)
);
-- An issued invoice is mailed on issue once, whatever happens; sending again adds rows.
create unique index invoice_mail_on_issue on billing.invoice_mail (client_id, invoice_id) where reason = 'ISSUED';
create index invoice_mail_due on billing.invoice_mail (next_attempt_at) where status = 'PENDING';
alter table billing.invoice_mail enable row level security;
alter table billing.invoice_mail force row level security;
create policy invoice_mail_isolation on billing.invoice_mail
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on billing.invoice_mail to openbpo_app;
