-- What became of each resolved ticket, for the contract's KPIs: handle time, whether it was resolved
-- at the first contact, and the customer's satisfaction (CSAT), asked once per ticket by email with
-- one-click answer links. The link's token is kept only as a SHA-256. One row per ticket: a
-- redelivered "completed" event finds it there and sends nothing twice.
create table support.ticket_outcome (
    client_id       uuid        not null references tenancy.client (id),
    item_id         bigint      not null,
    service_line    text        not null,
    resolved_at     timestamptz not null,
    handle_seconds  bigint      not null check (handle_seconds >= 0),
    first_contact   boolean     not null,
    survey_token    text,
    survey_sent_at  timestamptz,
    score           smallint check (score between 1 and 5),
    answered_at     timestamptz,
    primary key (client_id, item_id),
    unique (client_id, survey_token),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);
create index ticket_outcome_period on support.ticket_outcome (client_id, service_line, resolved_at);

alter table support.ticket_outcome enable row level security;
alter table support.ticket_outcome force row level security;
create policy ticket_outcome_isolation on support.ticket_outcome
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on support.ticket_outcome to openbpo_app;
