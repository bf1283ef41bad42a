create schema if not exists audit;
grant usage on schema audit to openbpo_app;

-- Append-only: the application may insert and read, never update or delete. Records are
-- chained per client by audit.seal(), which runs as the schema owner: each record's hash covers
-- its content and the previous record's hash, so an edited or removed record breaks the chain.
create table audit.record (
    client_id   uuid        not null, -- the nil uuid for provider-level records
    id          bigint generated always as identity,
    recorded_at timestamptz not null,
    actor       text        not null,
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    before      jsonb,
    after       jsonb,
    txid        xid8        not null default pg_current_xact_id(),
    chain_seq   bigint,
    prev_hash   bytea,
    hash        bytea,
    primary key (client_id, id)
);
create unique index record_chain on audit.record (client_id, chain_seq) where chain_seq is not null;
create index record_unsealed on audit.record (client_id, id) where chain_seq is null;
create index record_entity on audit.record (client_id, entity_type, entity_id);

alter table audit.record enable row level security;
alter table audit.record force row level security;
create policy record_isolation on audit.record
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));

create table audit.chain_head (
    client_id uuid primary key,
    last_seq  bigint not null,
    last_hash bytea  not null
);
alter table audit.chain_head enable row level security;
alter table audit.chain_head force row level security;
create policy chain_head_isolation on audit.chain_head
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));

create function audit.record_text(r audit.record) returns bytea
    language sql immutable
as $$
select convert_to(concat_ws('|', r.client_id, r.chain_seq,
                            (extract(epoch from r.recorded_at) * 1000000)::bigint,
                            r.actor, r.action, r.entity_type, r.entity_id,
                            coalesce(r.before::text, '∅'), coalesce(r.after::text, '∅')), 'UTF8')
$$;

-- Seals a client's records whose transactions have all ended, in id order, extending the chain.
-- Returns how many it sealed; 0 when another node holds the chain right now.
create function audit.seal(p_client uuid) returns int
    language plpgsql security definer set search_path = audit, pg_catalog
as $$
declare
    v_seq    bigint;
    v_hash   bytea;
    v_xmin   xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_sealed int    := 0;
    r        audit.record;
begin
    insert into audit.chain_head (client_id, last_seq, last_hash)
    values (p_client, 0, sha256(convert_to('openbpo-audit-genesis:' || p_client, 'UTF8')))
    on conflict (client_id) do nothing;
    select last_seq, last_hash into v_seq, v_hash
      from audit.chain_head where client_id = p_client for update skip locked;
    if not found then
        return 0;
    end if;
    for r in select * from audit.record
              where client_id = p_client and chain_seq is null and txid < v_xmin
              order by id
    loop
        v_seq := v_seq + 1;
        r.chain_seq := v_seq;
        r.prev_hash := v_hash;
        v_hash := sha256(v_hash || audit.record_text(r));
        update audit.record set chain_seq = v_seq, prev_hash = r.prev_hash, hash = v_hash
         where client_id = p_client and id = r.id;
        v_sealed := v_sealed + 1;
    end loop;
    update audit.chain_head set last_seq = v_seq, last_hash = v_hash where client_id = p_client;
    return v_sealed;
end
$$;

-- Walks a client's chain and reports the first link that does not hold.
create function audit.verify(p_client uuid)
    returns table (checked bigint, broken_seq bigint, reason text)
    language plpgsql stable
as $$
declare
    v_expected bigint := 0;
    v_hash     bytea  := sha256(convert_to('openbpo-audit-genesis:' || p_client, 'UTF8'));
    r          audit.record;
begin
    for r in select * from audit.record where client_id = p_client and chain_seq is not null order by chain_seq
    loop
        v_expected := v_expected + 1;
        if r.chain_seq <> v_expected then
            return query select v_expected - 1, v_expected, 'record ' || v_expected || ' is missing';
            return;
        end if;
        if r.prev_hash is distinct from v_hash then
            return query select v_expected - 1, r.chain_seq, 'previous-hash link does not match';
            return;
        end if;
        v_hash := sha256(v_hash || audit.record_text(r));
        if r.hash is distinct from v_hash then
            return query select v_expected - 1, r.chain_seq, 'content does not match its hash';
            return;
        end if;
    end loop;
    if exists (select from audit.chain_head h where h.client_id = p_client and h.last_seq <> v_expected) then
        return query select v_expected, v_expected + 1, 'records after ' || v_expected || ' are missing';
        return;
    end if;
    return query select v_expected, null::bigint, null::text;
end
$$;

grant select, insert on audit.record to openbpo_app;
grant select on audit.chain_head to openbpo_app;
grant execute on function audit.seal(uuid), audit.verify(uuid), audit.record_text(audit.record) to openbpo_app;
