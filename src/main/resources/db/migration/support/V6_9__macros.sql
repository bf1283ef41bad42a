-- Macros and canned replies per client: a text with placeholders ({{customer.name}},
-- {{ticket.number}}, …) an agent sends with one click, optionally moving the ticket on.
create table support.macro (
    client_id  uuid        not null references tenancy.client (id),
    id         uuid        not null,
    name       text        not null,
    body       text        not null,
    move_to    text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    primary key (client_id, id),
    unique (client_id, name)
);

alter table support.macro enable row level security;
alter table support.macro force row level security;
create policy macro_isolation on support.macro
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update, delete on support.macro to openbpo_app;
