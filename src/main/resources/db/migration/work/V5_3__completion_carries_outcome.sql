-- A completion carries what the scorecard's read model records of the item, so that quality no
-- longer reads the item's timeline, handle times and work type states back after every completion.
-- Each move keeps two running figures on the item, equal to what the timeline queries compute
-- (WorkBehindFigures.PENDING_CLIENT_SECONDS and the 'moved into a pending state' test):
--   ever_paused          moved into a pending-client or pending-third-party state at some point
--   pending_client_secs  calendar seconds between each move into a pending-client state and the next move
--   state_entered_at     when the last move happened (null until the first move)
-- Items raised before this migration have them null: their completions carry no outcome, and quality
-- reads it from the timeline as before. Adding nullable columns rewrites nothing.
alter table work.work_item
    add column ever_paused         boolean,
    add column pending_client_secs numeric,
    add column state_entered_at    timestamptz;
alter table work.work_item alter column ever_paused set default false,
                           alter column pending_client_secs set default 0;

-- What the completion carries for the scorecard; null for completions written before this migration.
alter table work.completion_feed
    add column priority            smallint,
    add column ever_paused         boolean,
    add column handled_secs        numeric,
    add column pending_client_secs numeric;
