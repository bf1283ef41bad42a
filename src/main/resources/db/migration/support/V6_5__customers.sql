-- A client's customers: one record per person, whatever channel they write from. A person is
-- found by any of their contacts (an email address or a phone number); when a message names two
-- contacts that belong to two records, the records are merged. A merged record stays, pointing at
-- the one it was merged into, so old links still find the person.
create table support.customer (
    client_id    uuid        not null references tenancy.client (id),
    id           uuid        not null,
    name         text,
    organisation text,
    merged_into  uuid,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    primary key (client_id, id),
    foreign key (client_id, merged_into) references support.customer (client_id, id)
);

-- Email addresses in lower case, phone numbers as digits with a leading '+'.
create table support.customer_contact (
    client_id   uuid        not null references tenancy.client (id),
    kind        text        not null check (kind in ('EMAIL', 'PHONE')),
    value       text        not null,
    customer_id uuid        not null,
    added_at    timestamptz not null,
    primary key (client_id, kind, value),
    foreign key (client_id, customer_id) references support.customer (client_id, id)
);
create index customer_contact_customer on support.customer_contact (client_id, customer_id);

-- Which customer a ticket is about, and the channel it came by.
create table support.ticket_customer (
    client_id   uuid        not null references tenancy.client (id),
    item_id     bigint      not null,
    customer_id uuid        not null,
    channel     text        not null,
    linked_at   timestamptz not null,
    primary key (client_id, item_id),
    foreign key (client_id, item_id) references work.work_item (client_id, id),
    foreign key (client_id, customer_id) references support.customer (client_id, id)
);
create index ticket_customer_customer on support.ticket_customer (client_id, customer_id, item_id);

do $$
declare
    t text;
begin
    foreach t in array array['customer', 'customer_contact', 'ticket_customer']
    loop
        execute format('alter table support.%I enable row level security', t);
        execute format('alter table support.%I force row level security', t);
        execute format('create policy %I on support.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
        execute format('grant select, insert, update on support.%I to openbpo_app', t);
    end loop;
end
$$;
