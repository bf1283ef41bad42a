-- A presented API token is checked in one statement, without a transaction of its own: the token
-- with its user (and the clients the user is assigned to), and last use recorded at most once a
-- minute, only when the secret matches and the token may be used. Every request still reads the
-- token and its user as they are now, so a revocation or a disabled user takes effect at once.
-- Tokens are looked up before any tenant is known: the function looks across clients for its own
-- statements only and then puts the caller's setting back.
create function tenancy.api_token_holder(p_id uuid, p_secret_hash bytea, p_now timestamptz)
    returns table (token_id uuid, token_client_id uuid, token_name text, token_created_at timestamptz,
                   token_expires_at timestamptz, token_revoked_at timestamptz, token_last_used_at timestamptz,
                   token_secret_hash bytea, id uuid, client_id uuid, email text, display_name text, roles text[],
                   all_clients boolean, status text, created_at timestamptz, assigned uuid[])
    language plpgsql volatile
    set search_path = pg_catalog, tenancy
as $$
declare
    previous text := current_setting('openbpo.clients', true);
begin
    perform set_config('openbpo.clients', '*', true);
    update tenancy.api_token t set last_used_at = p_now
     where t.id = p_id and t.secret_hash = p_secret_hash and t.revoked_at is null
       and (t.expires_at is null or t.expires_at > p_now)
       and (t.last_used_at is null or t.last_used_at < p_now - interval '60 seconds')
       and exists (select from tenancy.app_user u where u.id = t.user_id and u.status = 'ACTIVE');
    return query
        select t.id, t.client_id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at, t.secret_hash,
               u.id, u.client_id, u.email, u.display_name, u.roles, u.all_clients, u.status, u.created_at,
               array(select uc.client_id from tenancy.user_client uc where uc.user_id = u.id)
          from tenancy.api_token t join tenancy.app_user u on u.id = t.user_id
         where t.id = p_id;
    perform set_config('openbpo.clients', coalesce(previous, ''), true);
end
$$;

revoke all on function tenancy.api_token_holder(uuid, bytea, timestamptz) from public;
grant execute on function tenancy.api_token_holder(uuid, bytea, timestamptz) to openbpo_app;
