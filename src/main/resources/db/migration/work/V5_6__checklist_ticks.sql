-- A work type may require its checklist to be ticked before an item is closed as done
-- (WorkTypeDefinition.checklistRequired). Versions written before say nothing of it: they say no,
-- so the work running under them goes on exactly as before.
update work.work_type set definition = definition || '{"checklistRequired": false}'::jsonb
 where not definition ? 'checklistRequired';

-- Which steps of its checklist an item has had ticked, by whom and when; a step is its position in the
-- checklist of the work type version the item runs under (1 is the first), which never changes.
-- Unticking deletes the row; the timeline and the audit trail keep the history.
create table work.checklist_tick (
    client_id uuid        not null,
    item_id   bigint      not null,
    step      int         not null check (step >= 1),
    ticked_by text        not null,
    ticked_at timestamptz not null,
    primary key (client_id, item_id, step),
    foreign key (client_id, item_id) references work.work_item (client_id, id)
);

alter table work.checklist_tick enable row level security;
alter table work.checklist_tick force row level security;
create policy checklist_tick_isolation on work.checklist_tick using ((select tenancy.all_clients())
    or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert, update, delete on work.checklist_tick to openbpo_app;
