-- Each application node keeps what it worked out in a client's time zone (a contract term's first and last day,
-- the configuration new work is built from). A change of zone announces the client on the channel
-- 'openbpo_client_zones' when its transaction commits, and every node forgets what it kept for that client.
create function tenancy.announce_time_zone_change() returns trigger
    language plpgsql
as $$
begin
    perform pg_notify('openbpo_client_zones', new.id::text);
    return null;
end
$$;

create trigger announce_time_zone_change after update of time_zone on tenancy.client
    for each row when (old.time_zone is distinct from new.time_zone) execute function tenancy.announce_time_zone_change();
