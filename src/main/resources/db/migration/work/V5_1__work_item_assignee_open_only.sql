-- Get-next counts what the agent already holds on every call. The old index held every item an
-- agent ever had, done ones too, so that count slowed down as the agent's history grew (about a
-- thousand heap visits per call after a few thousand items). Only open work is indexed now; the
-- agent's worklist (everything not done or cancelled) uses the same index.
-- On a large installation, build it beforehand without blocking writes:
--   create index concurrently work_item_assignee_open on work.work_item (assignee_id)
--       where assignee_id is not null and category not in ('DONE', 'CANCELLED');
-- and this migration only drops the old index.
create index if not exists work_item_assignee_open on work.work_item (assignee_id)
    where assignee_id is not null and category not in ('DONE', 'CANCELLED');
drop index if exists work.work_item_assignee;
