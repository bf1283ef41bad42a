-- The statement triggers look up the entries, lines, accounts and periods a statement touched one
-- key at a time (V7_1 already rules out hash and merge joins, which would read the whole journal).
-- While a client's books are young the planner's statistics still say the journal is tiny, and it
-- then scanned the whole table once per entry of the statement instead of probing its key: an
-- online post into books of 30,000 entries spent ~0.9 ms in the line check, growing with the books.
-- Ruling out sequential scans leaves the key probes whatever the statistics say; the transition
-- tables are read by tuplestore scans, which this does not touch.
alter function ledger.after_new_lines() set enable_seqscan = off;
alter function ledger.after_new_entries() set enable_seqscan = off;
