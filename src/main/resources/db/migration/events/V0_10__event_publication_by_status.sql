-- Failed publications are delivered again on a schedule, and stale ones found by their status: both
-- ask by status, which without an index reads every completed publication kept.
create index event_publication_by_status on public.event_publication (status);
