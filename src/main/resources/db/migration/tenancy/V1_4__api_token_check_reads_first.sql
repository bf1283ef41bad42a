-- The token check reads the token and its user first and writes last use only when it is due (at
-- most once a minute, for a matching secret of a usable token of an active user), instead of running
-- that update, with its look-up of the user, on every request before reading. Same answers, same
-- guarantees: every request still reads the token and its user as they are now.
create or replace function tenancy.api_token_holder(p_id uuid, p_secret_hash bytea, p_now timestamptz)
    returns table (token_id uuid, token_client_id uuid, token_name text, token_created_at timestamptz,
                   token_expires_at timestamptz, token_revoked_at timestamptz, token_last_used_at timestamptz,
                   token_secret_hash bytea, id uuid, client_id uuid, email text, display_name text, roles text[],
                   all_clients boolean, status text, created_at timestamptz, assigned uuid[])
    language plpgsql volatile
    set search_path = pg_catalog, tenancy
as $$
#variable_conflict use_column
declare
    previous text := current_setting('openbpo.clients', true);
begin
    perform set_config('openbpo.clients', '*', true);
    select t.id, t.client_id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at, t.secret_hash,
           u.id, u.client_id, u.email, u.display_name, u.roles, u.all_clients, u.status, u.created_at,
           array(select uc.client_id from tenancy.user_client uc where uc.user_id = u.id)
      into token_id, token_client_id, token_name, token_created_at, token_expires_at, token_revoked_at,
           token_last_used_at, token_secret_hash, id, client_id, email, display_name, roles, all_clients, status,
           created_at, assigned
      from tenancy.api_token t join tenancy.app_user u on u.id = t.user_id
     where t.id = p_id;
    if found then
        if token_secret_hash = p_secret_hash and token_revoked_at is null
           and (token_expires_at is null or token_expires_at > p_now) and status = 'ACTIVE'
           and (token_last_used_at is null or token_last_used_at < p_now - interval '60 seconds') then
            update tenancy.api_token t set last_used_at = p_now
             where t.id = p_id and (t.last_used_at is null or t.last_used_at < p_now - interval '60 seconds');
            if found then
                token_last_used_at := p_now;
            end if;
        end if;
        return next;
    end if;
    perform set_config('openbpo.clients', coalesce(previous, ''), true);
end
$$;
