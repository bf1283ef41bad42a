-- A consumer's take reads its next completions through the feed's index from where its last take
-- ended. The feed stays small but is mostly dead rows between vacuums (every completion is written
-- once per consumer and deleted within a second), so the planner took the table for small and
-- scanned and sorted it whole on every take: ~300 pages of dead rows, 5.5 ms a take on a busy
-- floor, four consumers taking several times a second. Planned inside this function, with
-- sequential scans ruled out, the take walks the index from its starting point. Row-level security
-- still applies: the function runs as its caller.
create function work.take_completions(wanted_consumer text, from_seq bigint, due_by timestamptz, most int)
    returns setof work.completion_feed
    language plpgsql set enable_seqscan = off as
$$
begin
    return query
        delete from work.completion_feed
         where ctid = any (array(select ctid from work.completion_feed
                                  where consumer = wanted_consumer and seq >= from_seq
                                    and (retry_at is null or retry_at <= due_by)
                                  order by seq limit most for update skip locked))
        returning *;
end
$$;
