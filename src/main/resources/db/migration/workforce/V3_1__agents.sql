-- An agent profile for a member of the provider's staff. Keyed by the tenancy user id, so the
-- person who logs in and the agent who takes work are one identity.
create table workforce.agent (
    user_id             uuid        primary key references tenancy.app_user (id),
    centre_id           uuid        not null references workforce.delivery_centre (id),
    team_lead_id        uuid        references workforce.agent (user_id),
    capacity            smallint    not null check (capacity between 1 and 20),
    presence            text        not null check (presence in ('AVAILABLE', 'BUSY', 'AWAY', 'OFFLINE')),
    presence_changed_at timestamptz not null,
    created_at          timestamptz not null,
    updated_at          timestamptz not null,
    check (team_lead_id is null or team_lead_id <> user_id)
);
create index agent_centre on workforce.agent (centre_id, user_id);
create index agent_team_lead on workforce.agent (team_lead_id) where team_lead_id is not null;

-- Skills and languages as rows, so routing can find agents for a queue by index.
create table workforce.agent_skill (
    user_id     uuid     not null references workforce.agent (user_id) on delete cascade,
    skill       text     not null,
    proficiency smallint not null check (proficiency between 1 and 5),
    primary key (user_id, skill)
);
create index agent_skill_lookup on workforce.agent_skill (skill, proficiency, user_id);

create table workforce.agent_language (
    user_id  uuid    not null references workforce.agent (user_id) on delete cascade,
    language char(2) not null,
    primary key (user_id, language)
);
create index agent_language_lookup on workforce.agent_language (language, user_id);

-- A client's sign-off that an agent may handle its work. Client-owned.
create table workforce.agent_certification (
    client_id     uuid        not null references tenancy.client (id),
    agent_user_id uuid        not null references workforce.agent (user_id),
    certified_at  timestamptz not null,
    primary key (client_id, agent_user_id)
);
create index agent_certification_agent on workforce.agent_certification (agent_user_id, client_id);

alter table workforce.agent_certification enable row level security;
alter table workforce.agent_certification force row level security;
create policy agent_certification_isolation on workforce.agent_certification
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));

grant select, insert, update on workforce.agent to openbpo_app;
grant select, insert, delete on workforce.agent_skill, workforce.agent_language, workforce.agent_certification to openbpo_app;
