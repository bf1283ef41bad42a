create schema if not exists workforce;
grant usage on schema workforce to openbpo_app;

-- The provider's sites. Provider-owned: no client_id, so no row-level security; which clients a
-- site may serve is the client-owned table centre_client below.
create table workforce.delivery_centre (
    id              uuid primary key,
    code            text        not null unique,
    name            text        not null,
    shore           text        not null check (shore in ('ONSHORE', 'NEARSHORE', 'OFFSHORE')),
    country         char(2)     not null,
    time_zone       text        not null,
    -- Money as integer minor units plus currency: never a float.
    cost_rate_minor bigint      not null check (cost_rate_minor >= 0),
    cost_currency   char(3)     not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);

-- The weekly shift calendar in the centre's own time zone. closes = '00:00' means the end of the
-- day, so a shift running past midnight is two intervals, one on each weekday.
create table workforce.shift_interval (
    centre_id uuid     not null references workforce.delivery_centre (id) on delete cascade,
    weekday   smallint not null check (weekday between 1 and 7), -- ISO: 1 = Monday
    opens     time     not null,
    closes    time     not null,
    primary key (centre_id, weekday, opens),
    check (closes > opens or closes = '00:00')
);

create table workforce.centre_holiday (
    centre_id uuid not null references workforce.delivery_centre (id) on delete cascade,
    day       date not null,
    primary key (centre_id, day)
);

-- Data residency: the clients whose data a centre may handle. Client-owned, so a caller sees only
-- the grants of clients they may see.
create table workforce.centre_client (
    client_id  uuid        not null references tenancy.client (id),
    centre_id  uuid        not null references workforce.delivery_centre (id),
    allowed_at timestamptz not null,
    primary key (client_id, centre_id)
);
create index centre_client_centre on workforce.centre_client (centre_id, client_id);

alter table workforce.centre_client enable row level security;
alter table workforce.centre_client force row level security;
create policy centre_client_isolation on workforce.centre_client
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));

grant select, insert, update on workforce.delivery_centre to openbpo_app;
grant select, insert, delete on workforce.shift_interval, workforce.centre_holiday, workforce.centre_client to openbpo_app;
