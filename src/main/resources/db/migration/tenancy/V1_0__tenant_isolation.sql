-- The application role: every request and job runs as it (the pool does SET ROLE), so the
-- row-level security below binds it. It owns nothing and cannot bypass RLS.
do $$
begin
    if not exists (select from pg_roles where rolname = 'openbpo_app') then
        create role openbpo_app nologin;
    end if;
end
$$;
grant openbpo_app to current_user;
grant select, insert, update, delete on public.event_publication to openbpo_app;
grant usage on schema tenancy to openbpo_app;

-- The transaction's client setting, written by the transaction manager with set_config(..., true).
-- '*' means every client (provider-wide staff and system jobs); empty means none.
create function tenancy.all_clients() returns boolean
    language sql stable parallel safe
as $$ select coalesce(current_setting('openbpo.clients', true), '') = '*' $$;

create function tenancy.allowed_clients() returns uuid[]
    language sql stable parallel safe
as $$
select case
           when coalesce(current_setting('openbpo.clients', true), '') in ('', '*') then '{}'::uuid[]
           else string_to_array(current_setting('openbpo.clients', true), ',')::uuid[]
       end
$$;

grant execute on function tenancy.all_clients(), tenancy.allowed_clients() to openbpo_app;

create table tenancy.client (
    id           uuid primary key,
    code         text        not null unique,
    name         text        not null,
    legal_entity text        not null,
    country      char(2)     not null,
    time_zone    text        not null,
    currency     char(3)     not null,
    status       text        not null check (status in ('ONBOARDING', 'ACTIVE', 'SUSPENDED', 'OFFBOARDED')),
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

alter table tenancy.client enable row level security;
alter table tenancy.client force row level security;
-- Wrapping the functions in (select …) makes them init-plans evaluated once per query.
create policy client_isolation on tenancy.client
    using ((select tenancy.all_clients()) or id = any ((select tenancy.allowed_clients())::uuid[]));

-- People who log in. Provider staff have no client; client users belong to exactly one.
create table tenancy.app_user (
    id             uuid primary key,
    client_id      uuid references tenancy.client (id),
    email          text        not null,
    display_name   text        not null,
    password_hash  text        not null,
    roles          text[]      not null,
    all_clients    boolean     not null default false,
    status         text        not null check (status in ('ACTIVE', 'DISABLED')),
    failed_logins  int         not null default 0,
    locked_until   timestamptz,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    check (client_id is null or not all_clients)
);
create unique index app_user_email on tenancy.app_user (lower(email));
create index app_user_client on tenancy.app_user (client_id, id);

alter table tenancy.app_user enable row level security;
alter table tenancy.app_user force row level security;
create policy app_user_isolation on tenancy.app_user
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));

-- Which clients a provider user who is not provider-wide may serve.
create table tenancy.user_client (
    client_id uuid not null references tenancy.client (id),
    user_id   uuid not null references tenancy.app_user (id),
    primary key (client_id, user_id)
);
create index user_client_user on tenancy.user_client (user_id);

alter table tenancy.user_client enable row level security;
alter table tenancy.user_client force row level security;
create policy user_client_isolation on tenancy.user_client
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));

-- Personal API tokens: only a SHA-256 of the secret is kept; the secret is shown once.
create table tenancy.api_token (
    id           uuid primary key,
    user_id      uuid        not null references tenancy.app_user (id),
    client_id    uuid references tenancy.client (id),
    name         text        not null,
    secret_hash  bytea       not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_token_user on tenancy.api_token (user_id);

alter table tenancy.api_token enable row level security;
alter table tenancy.api_token force row level security;
create policy api_token_isolation on tenancy.api_token
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));

-- POST responses kept per caller and Idempotency-Key: a repeated request gets the same answer.
create table tenancy.idempotent_request (
    principal     text        not null,
    key           text        not null,
    request_hash  bytea       not null,
    status        int         not null,
    content_type  text,
    body          bytea       not null,
    created_at    timestamptz not null,
    primary key (principal, key)
);
create index idempotent_request_age on tenancy.idempotent_request (created_at);

grant select, insert, update on tenancy.client, tenancy.app_user, tenancy.api_token to openbpo_app;
grant select, insert, delete on tenancy.user_client to openbpo_app;
grant select, insert, delete on tenancy.idempotent_request to openbpo_app;
