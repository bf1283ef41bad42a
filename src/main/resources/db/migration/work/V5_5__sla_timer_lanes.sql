-- SLA timers in lanes. Every node runs the timers, and when many warnings fall due at once, nodes that
-- all took the most overdue items of one index walked over each other's locked rows and wrote into
-- the same index pages: on two cores, two nodes spent half as much CPU again per escalation as one.
-- Each item now has a lane, one of sixteen, taken from its client's id, and the timers' indexes lead
-- with it; a node takes a lane for itself with an advisory lock and fires that lane's due items (see
-- SlaTimers). The lane is a stored column rather than an expression in the index: under row-level
-- security PostgreSQL may only use an index condition built from leakproof functions, and a
-- smallint's equality is one, where get_byte and uuid_send are not.
alter table work.work_item
    add column sla_lane smallint not null generated always as (get_byte(uuid_send(client_id), 15) & 15) stored;
drop index work.work_item_warning_due;
drop index work.work_item_breach_due;
create index work_item_warning_due on work.work_item (sla_lane, warn_at) where escalated_at is null and warn_at is not null;
create index work_item_breach_due on work.work_item (sla_lane, due_at) where breached_at is null and due_at is not null;
