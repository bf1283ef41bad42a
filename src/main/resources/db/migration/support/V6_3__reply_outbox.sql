-- Agents' replies waiting to go out, written in the transaction that records the reply as a
-- comment, and sent by SMTP only after it commits: a crash before the commit sends nothing, a
-- crash after it sends later. The Message-ID is fixed here, before the first attempt, so a resend
-- after a crash mid-send is the same message (mail programs show it once).
create table support.outbound_message (
    client_id       uuid        not null references tenancy.client (id),
    id              uuid        not null,
    item_id         bigint      not null,
    comment_id      uuid        not null,
    message_id      text        not null,
    recipient       text        not null,
    subject         text        not null,
    body            text        not null,
    in_reply_to     text,
    reference_ids   text[]      not null default '{}',
    status          text        not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null,
    last_error      text,
    created_at      timestamptz not null,
    created_by      text        not null,
    sent_at         timestamptz,
    primary key (client_id, id),
    unique (client_id, message_id),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);
create index outbound_message_due on support.outbound_message (next_attempt_at) where status = 'PENDING';
create index outbound_message_item on support.outbound_message (client_id, item_id, created_at);

alter table support.outbound_message enable row level security;
alter table support.outbound_message force row level security;
create policy outbound_message_isolation on support.outbound_message
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on support.outbound_message to openbpo_app;
