-- The statement triggers look up the entries, lines, accounts and periods a statement touched one
-- key at a time (V7_1 already rules out hash and merge joins, which would read the whole journal).
-- While a client's books are young the planner's statistics can still say the journal is tiny, and
-- a sequential scan per entry of the statement then looks as cheap as a key probe: in the online
-- benchmark the line check grew with the books, to ~0.9 ms per statement at 30,000 entries.
-- Ruling out sequential scans leaves the key probes whatever the statistics say; the transition
-- tables are read by tuplestore scans, which this does not touch.
alter function ledger.after_new_lines() set enable_seqscan = off;
alter function ledger.after_new_entries() set enable_seqscan = off;
