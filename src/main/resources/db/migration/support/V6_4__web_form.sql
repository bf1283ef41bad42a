-- The client's public support form: off until the provider switches it on for the client.
alter table support.channel_settings add column web_form boolean not null default false;

-- Acknowledgements of web-form requests go out through the outbox too, without an agent's comment.
alter table support.outbound_message alter column comment_id drop not null;

-- Requests sent through the form, counted per sender for the rate limit. The sender's IP address
-- is kept only as a SHA-256: enough to count, not to identify.
create table support.form_submission (
    client_id    uuid        not null references tenancy.client (id),
    id           uuid        not null,
    source_hash  text        not null,
    submitted_at timestamptz not null,
    item_id      bigint,
    primary key (client_id, id),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);
create index form_submission_source on support.form_submission (client_id, source_hash, submitted_at);

alter table support.form_submission enable row level security;
alter table support.form_submission force row level security;
create policy form_submission_isolation on support.form_submission
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert on support.form_submission to openbpo_app;
