-- Completed work, handed to the modules that act on it (billing meters it, quality samples it,
-- support surveys the customer): one row per completion and consumer, written in the completing
-- transaction and deleted in the consumer's transaction together with what the consumer did, so
-- each consumer acts on each completion exactly once, in batches, on whichever node takes it.
create table work.completion_feed (
    client_id      uuid        not null,
    consumer       text        not null,
    seq            bigint      generated always as identity,
    item_id        bigint      not null,
    work_type      text        not null,
    service_line   text        not null,
    outcome        text        not null,
    billable_unit  text        not null,
    sla_met        boolean,
    handle_seconds bigint      not null,
    completed_by   uuid,
    maker_id       uuid,
    completed_at   timestamptz not null,
    attempts       int         not null default 0,
    retry_at       timestamptz,
    failure        text,
    primary key (client_id, consumer, seq)
);
create index completion_feed_next on work.completion_feed (consumer, seq);

alter table work.completion_feed enable row level security;
alter table work.completion_feed force row level security;
create policy completion_feed_isolation on work.completion_feed using ((select tenancy.all_clients())
    or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update, delete on work.completion_feed to openbpo_app;

-- Completions still waiting in the event publication registry for the listeners that the feed
-- replaces are carried over, so none is lost or acted on twice.
insert into work.completion_feed (client_id, consumer, item_id, work_type, service_line, outcome, billable_unit, sla_met,
                                  handle_seconds, completed_by, maker_id, completed_at)
select (e ->> 'clientId')::uuid, consumer, (e ->> 'itemId')::bigint, e ->> 'workType', e ->> 'serviceLine',
       e ->> 'outcome', coalesce(e ->> 'billableUnit', 'item'), (e ->> 'slaMet')::boolean,
       coalesce((e ->> 'handleSeconds')::bigint, 0), (e ->> 'completedBy')::uuid, (e ->> 'makerId')::uuid,
       case when jsonb_typeof(e -> 'at') = 'number' then to_timestamp((e ->> 'at')::numeric) else (e ->> 'at')::timestamptz end
  from (select p.serialized_event::jsonb as e,
               case when p.listener_id like 'org.openbpo.billing.Metering.%' then 'billing.metering'
                    when p.listener_id like 'org.openbpo.quality.Sampling.%' then 'quality.sampling'
                    when p.listener_id like 'org.openbpo.support.Satisfaction.%' then 'support.satisfaction'
               end as consumer
          from public.event_publication p
         where p.completion_date is null and p.event_type like '%WorkItemCompleted') waiting
 where consumer is not null;
delete from public.event_publication
 where completion_date is null and event_type like '%WorkItemCompleted'
   and (listener_id like 'org.openbpo.billing.Metering.%' or listener_id like 'org.openbpo.quality.Sampling.%'
        or listener_id like 'org.openbpo.support.Satisfaction.%');
