-- A client's knowledge base: internal procedures (SOPs) for the agents, shown beside a ticket of
-- their category, and public articles for the client's help centre. Per client, a few hundred to a
-- few thousand articles: searched by the client's index, then matched.
create table support.article (
    client_id  uuid        not null references tenancy.client (id),
    id         uuid        not null,
    kind       text        not null check (kind in ('SOP', 'PUBLIC')),
    slug       text        not null check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title      text        not null,
    body       text        not null,
    category   text,
    published  boolean     not null,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    updated_by text        not null,
    primary key (client_id, id),
    unique (client_id, kind, slug)
);
create index article_category on support.article (client_id, kind, category);

alter table support.article enable row level security;
alter table support.article force row level security;
create policy article_isolation on support.article
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update on support.article to openbpo_app;
