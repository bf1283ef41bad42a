create schema if not exists support;
grant usage on schema support to openbpo_app;

-- A client's email channel: the address its customers write to, the mailbox we fetch from, the
-- server we send through, and how the client's name appears on our answers. Passwords are sealed
-- (AES-GCM) by the application before they get here; the key never reaches the database.
create table support.channel_settings (
    client_id       uuid        not null references tenancy.client (id),
    service_line    text        not null,
    inbound_address text        not null,
    imap_host       text,
    imap_port       int check (imap_port between 1 and 65535),
    imap_security   text check (imap_security in ('TLS', 'STARTTLS', 'NONE')),
    imap_username   text,
    imap_password   bytea,
    smtp_host       text,
    smtp_port       int check (smtp_port between 1 and 65535),
    smtp_security   text check (smtp_security in ('TLS', 'STARTTLS', 'NONE')),
    smtp_username   text,
    smtp_password   bytea,
    from_address    text        not null,
    display_name    text        not null,
    signature       text        not null default '',
    brand_colour    text check (brand_colour ~ '^#[0-9a-fA-F]{6}$'),
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    primary key (client_id)
);
-- One address, one client: mail to it must never be read as another client's.
create unique index channel_settings_inbound_address on support.channel_settings (lower(inbound_address));

alter table support.channel_settings enable row level security;
alter table support.channel_settings force row level security;
create policy channel_settings_isolation on support.channel_settings
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on support.channel_settings to openbpo_app;
