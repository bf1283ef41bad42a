-- Sampling rules, QA forms, evaluations (with acknowledgement and disputes), calibration sessions
-- and CSAT responses. Every table is client-owned.

alter table quality.sample drop constraint sample_reason_check;
alter table quality.sample add constraint sample_reason_check
    check (reason in ('SAMPLE_RATE', 'NEW_AGENT', 'MINIMUM_PER_WEEK', 'FLAGGED'));
alter table quality.sample add column flag_note text;

-- Which completed work QA looks at. A rule may name a service line, a work type and an agent; the
-- most specific rule that matches an item decides (agent, then service line, then work type).
create table quality.sampling_rule (
    client_id           uuid          not null references tenancy.client (id),
    id                  uuid          not null,
    service_line        text,
    work_type           text,
    agent_id            uuid,
    percent             numeric(5, 2) not null check (percent between 0 and 100),
    minimum_per_week    integer       not null default 0 check (minimum_per_week between 0 and 1000),
    new_agent_items     integer       not null default 20 check (new_agent_items between 0 and 10000),
    active              boolean       not null default true,
    created_at          timestamptz   not null,
    created_by          text          not null,
    primary key (client_id, id)
);
create unique index sampling_rule_scope on quality.sampling_rule
    (client_id, coalesce(service_line, ''), coalesce(work_type, ''), coalesce(agent_id, '00000000-0000-0000-0000-000000000000'))
    where active;

-- A QA form: weighted questions, fatal ones, a pass mark. Each save is a new version; an
-- evaluation keeps the version it was scored on.
create table quality.qa_form (
    client_id   uuid          not null references tenancy.client (id),
    code        text          not null,
    version     integer       not null,
    name        text          not null,
    pass_mark   numeric(5, 2) not null check (pass_mark between 0 and 100),
    questions   jsonb         not null,
    created_at  timestamptz   not null,
    created_by  text          not null,
    primary key (client_id, code, version)
);

create table quality.calibration (
    client_id    uuid        not null references tenancy.client (id),
    id           uuid        not null,
    item_id      bigint      not null,
    form_code    text        not null,
    form_version integer     not null,
    title        text        not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    primary key (client_id, id),
    foreign key (client_id, form_code, form_version) references quality.qa_form (client_id, code, version)
);

create table quality.evaluation (
    client_id        uuid          not null references tenancy.client (id),
    id               uuid          not null,
    item_id          bigint        not null,
    service_line     text          not null,
    agent_id         uuid,
    form_code        text          not null,
    form_version     integer       not null,
    calibration_id   uuid,
    evaluator_id     uuid          not null,
    evaluator        text          not null,
    answers          jsonb         not null,
    score            numeric(5, 2) not null,
    fatal            boolean       not null,
    passed           boolean       not null,
    fields_checked   integer       check (fields_checked >= 0),
    errors_found     integer       check (errors_found >= 0 and errors_found <= fields_checked),
    comment          text,
    evaluated_at     timestamptz   not null,
    status           text          not null check (status in ('OPEN', 'DISPUTED', 'CLOSED')),
    acknowledged_at  timestamptz,
    disputed_at      timestamptz,
    dispute_reason   text,
    reviewer_id      uuid,
    reviewer         text,
    review_outcome   text check (review_outcome in ('UPHELD', 'OVERTURNED')),
    review_note      text,
    reviewed_at      timestamptz,
    original_score   numeric(5, 2),
    primary key (client_id, id),
    foreign key (client_id, form_code, form_version) references quality.qa_form (client_id, code, version),
    foreign key (client_id, calibration_id) references quality.calibration (client_id, id),
    check (reviewer_id is null or reviewer_id <> evaluator_id)
);
-- One evaluation of an item counts; calibration scores are extra and one per analyst.
create unique index evaluation_once on quality.evaluation (client_id, item_id) where calibration_id is null;
create unique index calibration_once on quality.evaluation (client_id, calibration_id, evaluator_id) where calibration_id is not null;
create index evaluation_agent on quality.evaluation (client_id, agent_id, evaluated_at) where calibration_id is null;
create index evaluation_line on quality.evaluation (client_id, service_line, evaluated_at) where calibration_id is null;

-- Customer satisfaction per item (1–5), fed by surveys through the API.
create table quality.csat_response (
    client_id    uuid        not null references tenancy.client (id),
    item_id      bigint      not null,
    service_line text        not null,
    score        integer     not null check (score between 1 and 5),
    comment      text,
    responded_at timestamptz not null,
    primary key (client_id, item_id)
);
create index csat_line on quality.csat_response (client_id, service_line, responded_at);

do
$$
declare
    t text;
begin
    foreach t in array array['sampling_rule', 'qa_form', 'calibration', 'evaluation', 'csat_response']
    loop
        execute format('alter table quality.%I enable row level security', t);
        execute format('alter table quality.%I force row level security', t);
        execute format('create policy %I on quality.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
        execute format('grant select, insert on quality.%I to openbpo_app', t);
    end loop;
end
$$;
grant update on quality.sampling_rule, quality.evaluation to openbpo_app;
