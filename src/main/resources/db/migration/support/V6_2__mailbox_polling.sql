-- One row per client mailbox that we fetch by IMAP. A node leases a due mailbox (SELECT … FOR
-- UPDATE SKIP LOCKED, then a lease time), so only one node fetches a mailbox at a time; a node
-- that dies simply lets its lease run out. The last UID seen (with the mailbox's UIDVALIDITY)
-- says where the next fetch starts; a message stored but not yet counted is fetched again and
-- recognised by its key.
create table support.mailbox_poll (
    client_id      uuid        not null references tenancy.client (id),
    due_at         timestamptz not null,
    leased_by      text,
    leased_until   timestamptz,
    uid_validity   bigint,
    last_uid       bigint      not null default 0,
    last_polled_at timestamptz,
    last_fetched   int         not null default 0,
    failures       int         not null default 0,
    last_error     text,
    primary key (client_id)
);
create index mailbox_poll_due on support.mailbox_poll (due_at);

alter table support.mailbox_poll enable row level security;
alter table support.mailbox_poll force row level security;
create policy mailbox_poll_isolation on support.mailbox_poll
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update, delete on support.mailbox_poll to openbpo_app;
