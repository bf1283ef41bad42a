-- Invoices by email: each client's AP mailbox (fetched by IMAP, the password sealed like other
-- secrets), the messages that reached it, raw, and the documents found in them.

-- The mailbox and where fetching it stands. A node leases a mailbox while it fetches it; the
-- place (UIDVALIDITY and the last UID stored) moves only after the messages up to it are stored,
-- so a crash means fetching again, which the message key recognises, never losing a message.
create table payables.mailbox (
    client_id       uuid        not null references tenancy.client (id),
    host            text        not null check (length(host) between 1 and 255),
    port            int         not null check (port between 1 and 65535),
    security        text        not null check (security in ('TLS', 'STARTTLS', 'NONE')),
    username        text,
    password_sealed bytea,
    folder          text        not null default 'INBOX' check (length(folder) between 1 and 200),
    address         text,
    updated_at      timestamptz not null,
    updated_by      text        not null,
    due_at          timestamptz not null,
    leased_by       text,
    leased_until    timestamptz,
    uid_validity    bigint,
    last_uid        bigint      not null default 0,
    last_polled_at  timestamptz,
    last_fetched    int         not null default 0,
    failures        int         not null default 0,
    last_error      text,
    primary key (client_id)
);
create index mailbox_due on payables.mailbox (due_at);

-- Every message that reached a client's AP mailbox (by IMAP or a relay), kept as it arrived. The
-- key (Message-ID, else the SHA-256 of the bytes) makes the same message arriving twice one row.
create table payables.inbound_mail (
    client_id       uuid        not null references tenancy.client (id),
    id              uuid        not null,
    key             text        not null,
    message_id      text,
    source          text        not null check (source in ('IMAP', 'RELAY')),
    raw             bytea       not null,
    size            bigint      not null check (size >= 0),
    received_at     timestamptz not null,
    sender          text,
    subject         text,
    status          text        not null check (status in ('RECEIVED', 'CAPTURED', 'TO_KEY', 'KEYED', 'IGNORED', 'REJECTED')),
    reason          text,
    invoice_ids     uuid[]      not null default '{}',
    credit_note_ids uuid[]      not null default '{}',
    work_item_id    bigint,
    settled_at      timestamptz,
    primary key (client_id, id),
    unique (client_id, key),
    check ((status = 'RECEIVED') = (settled_at is null))
);
create index inbound_mail_latest on payables.inbound_mail (client_id, received_at desc, id desc);
create index inbound_mail_waiting on payables.inbound_mail (received_at) where status = 'RECEIVED';
create index inbound_mail_by_invoice on payables.inbound_mail using gin (invoice_ids);

-- The files of a message: e-invoices, PDFs for an agent to key in, others kept, and refused ones
-- (executables, too large, refused types) recorded with the reason and without their content.
create table payables.mail_document (
    client_id    uuid   not null,
    mail_id      uuid   not null,
    doc_no       int    not null check (doc_no > 0),
    filename     text   not null,
    content_type text   not null,
    size         bigint not null check (size >= 0),
    kind         text   not null check (kind in ('UBL_INVOICE', 'UBL_CREDIT_NOTE', 'PDF', 'OTHER', 'REFUSED')),
    content      bytea,
    refused      text,
    primary key (client_id, mail_id, doc_no),
    foreign key (client_id, mail_id) references payables.inbound_mail (client_id, id),
    check ((kind = 'REFUSED') = (content is null and refused is not null))
);

do $$
declare
    t text;
begin
    foreach t in array array['mailbox', 'inbound_mail', 'mail_document']
    loop
        execute format('alter table payables.%I enable row level security', t);
        execute format('alter table payables.%I force row level security', t);
        execute format('create policy %I on payables.%I using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]))',
                       t || '_isolation', t);
    end loop;
end
$$;

grant select, insert, update, delete on payables.mailbox to openbpo_app;
grant select, insert, update on payables.inbound_mail to openbpo_app;
grant select, insert on payables.mail_document to openbpo_app;
