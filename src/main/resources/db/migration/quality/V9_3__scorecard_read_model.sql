-- The scorecard's read model of completed work (see docs/architecture.md, "Scorecard read model").
-- One row per work item completed (DONE), written once from the work engine's WorkItemCompleted in
-- the completing transaction; its key makes a second delivery a no-op.
create table quality.completed_work (
    client_id              uuid        not null references tenancy.client (id),
    item_id                bigint      not null,
    period                 text        not null check (period ~ '^[0-9]{4}-[0-9]{2}$'), -- the client's month it completed in
    service_line           text        not null,
    priority               smallint    not null,
    completed_at           timestamptz not null,
    sla_met                boolean,
    ever_paused            boolean     not null, -- waited on the client or a third party at some point
    handle_seconds         numeric,              -- null: no handling stretch recorded
    pending_client_seconds numeric     not null, -- calendar time in the work type's pending-client states
    primary key (client_id, item_id)
);

-- Per client, month, service line and priority, the sums the scorecard reads. Each item adds to one
-- of 16 stripes (item id modulo 16) so that completions of one busy line do not queue on one row.
create table quality.completed_tally (
    client_id       uuid     not null references tenancy.client (id),
    period          text     not null check (period ~ '^[0-9]{4}-[0-9]{2}$'),
    service_line    text     not null,
    priority        smallint not null,
    stripe          smallint not null check (stripe between 0 and 15),
    completed       bigint   not null,
    with_sla        bigint   not null,
    sla_met         bigint   not null,
    ever_paused     bigint   not null,
    handled         bigint   not null,
    handle_seconds  numeric  not null,
    pending_items   bigint   not null,
    pending_seconds numeric  not null,
    primary key (client_id, period, service_line, priority, stripe)
);

-- Accuracy reads evaluations by the time their item was completed (the sample's time).
create index sample_sampled on quality.sample (client_id, sampled_at);

do
$$
declare
    t text;
begin
    foreach t in array array['completed_work', 'completed_tally']
    loop
        execute format('alter table quality.%I enable row level security', t);
        execute format('alter table quality.%I force row level security', t);
        execute format('create policy %I on quality.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
    end loop;
end
$$;
grant select, insert on quality.completed_work to openbpo_app;
grant select, insert, update on quality.completed_tally to openbpo_app;

-- Back-fill from the work engine's tables, with the same figures the live scorecard computed from them
-- (for every client: the policies let a migration owner that is not a superuser see all rows too).
do $$ begin perform set_config('openbpo.clients', '*', true); end $$;
insert into quality.completed_work (client_id, item_id, period, service_line, priority, completed_at, sla_met, ever_paused,
                                    handle_seconds, pending_client_seconds)
select w.client_id, w.id, to_char(w.completed_at at time zone c.time_zone, 'YYYY-MM'), w.service_line, w.priority,
       w.completed_at, w.sla_met,
       exists (select from work.work_event e
                where e.client_id = w.client_id and e.item_id = w.id and e.type = 'moved'
                  and e.data ->> 'to' in (select s ->> 'code' from work.work_type t, jsonb_array_elements(t.definition -> 'states') s
                                           where t.client_id = w.client_id and t.code = w.work_type and t.version = w.work_type_version
                                             and s ->> 'category' in ('PENDING_CLIENT', 'PENDING_THIRD_PARTY'))),
       (select sum(extract(epoch from h.ended_at - h.started_at)) from work.handle_time h
         where h.client_id = w.client_id and h.item_id = w.id and h.ended_at is not null),
       coalesce((select sum(extract(epoch from coalesce(m.next_at, w.completed_at) - m.at))
                   from (select e.at, e.data ->> 'to' as to_state, lead(e.at) over (order by e.seq) as next_at
                           from work.work_event e
                          where e.client_id = w.client_id and e.item_id = w.id and e.type = 'moved') m
                  where m.to_state in (select s ->> 'code' from work.work_type t, jsonb_array_elements(t.definition -> 'states') s
                                        where t.client_id = w.client_id and t.code = w.work_type
                                          and t.version = w.work_type_version and s ->> 'category' = 'PENDING_CLIENT')), 0)
  from work.work_item w
  join tenancy.client c on c.id = w.client_id
 where w.category = 'DONE' and w.completed_at is not null;

insert into quality.completed_tally (client_id, period, service_line, priority, stripe, completed, with_sla, sla_met, ever_paused,
                                     handled, handle_seconds, pending_items, pending_seconds)
select client_id, period, service_line, priority, (item_id % 16)::smallint, count(*), count(*) filter (where sla_met is not null),
       count(*) filter (where sla_met), count(*) filter (where ever_paused), count(handle_seconds), coalesce(sum(handle_seconds), 0),
       count(*) filter (where pending_client_seconds > 0), sum(pending_client_seconds)
  from quality.completed_work
 group by client_id, period, service_line, priority, item_id % 16;
