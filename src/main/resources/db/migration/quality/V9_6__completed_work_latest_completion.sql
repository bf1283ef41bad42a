-- The scorecard's read model counts each item by its latest completion: an item reopened and completed
-- again moves to its new month, and one reopened and then cancelled leaves the tallies. The application
-- now replaces and removes read-model rows.
grant update, delete on quality.completed_work to openbpo_app;

-- Rows recorded from a completion that is no longer the item's (recorded once, before this change) are
-- recorded again from the item as it is, and every tally is summed again from the rows (for every client:
-- the policies let a migration owner that is not a superuser see all rows too).
do $$ begin perform set_config('openbpo.clients', '*', true); end $$;
delete from quality.completed_work c
 using work.work_item w
 where w.client_id = c.client_id and w.id = c.item_id
   and (w.category <> 'DONE' or w.completed_at is null or w.completed_at > c.completed_at);

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
 where w.category = 'DONE' and w.completed_at is not null
   and not exists (select from quality.completed_work r where r.client_id = w.client_id and r.item_id = w.id);

delete from quality.completed_tally;
insert into quality.completed_tally (client_id, period, service_line, priority, stripe, completed, with_sla, sla_met, ever_paused,
                                     handled, handle_seconds, pending_items, pending_seconds)
select client_id, period, service_line, priority, (item_id % 16)::smallint, count(*), count(*) filter (where sla_met is not null),
       count(*) filter (where sla_met), count(*) filter (where ever_paused), count(handle_seconds), coalesce(sum(handle_seconds), 0),
       count(*) filter (where pending_client_seconds > 0), sum(pending_client_seconds)
  from quality.completed_work
 group by client_id, period, service_line, priority, item_id % 16;
