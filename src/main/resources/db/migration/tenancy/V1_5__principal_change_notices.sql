-- Each application node keeps the API tokens it has checked for a short while, so a busy integration
-- does not read its token and user on every request. Whatever could change a check's answer (a token
-- revoked, re-scoped or re-keyed, a user's status, roles or clients changed) announces itself on
-- the channel 'openbpo_principals' when its transaction commits, and every node forgets what it
-- kept. A token's last use (written at most once a minute) and a user's failed logins are not such
-- changes and announce nothing.
create function tenancy.announce_principal_change() returns trigger
    language plpgsql
as $$
begin
    perform pg_notify('openbpo_principals', '');
    return null;
end
$$;

create trigger announce_change after update of user_id, client_id, secret_hash, expires_at, revoked_at or delete
    on tenancy.api_token for each statement execute function tenancy.announce_principal_change();
create trigger announce_change after update of client_id, email, roles, all_clients, status or delete
    on tenancy.app_user for each statement execute function tenancy.announce_principal_change();
create trigger announce_change after insert or update or delete
    on tenancy.user_client for each statement execute function tenancy.announce_principal_change();
