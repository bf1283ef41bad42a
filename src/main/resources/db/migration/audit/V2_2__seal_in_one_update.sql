-- Sealing wrote each record's chain link with its own UPDATE, the largest single cost of the
-- audit trail under load (./openbpo bench work-lifecycle, sla-timers). The chain is computed as
-- before, record by record in id order, but written with one UPDATE per 10,000 records: the
-- same links and hashes, about 2.5 times faster.
create or replace function audit.seal(p_client uuid) returns int
    language plpgsql security definer set search_path = audit, pg_catalog
as $$
declare
    v_seq    bigint;
    v_hash   bytea;
    v_xmin   xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_sealed int    := 0;
    v_ids    bigint[] := '{}';
    v_seqs   bigint[] := '{}';
    v_prevs  bytea[]  := '{}';
    v_hashes bytea[]  := '{}';
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
        v_ids := array_append(v_ids, r.id);
        v_seqs := array_append(v_seqs, v_seq);
        v_prevs := array_append(v_prevs, r.prev_hash);
        v_hashes := array_append(v_hashes, v_hash);
        v_sealed := v_sealed + 1;
        if cardinality(v_ids) = 10000 then
            update audit.record a set chain_seq = l.seq, prev_hash = l.prev, hash = l.hash
              from unnest(v_ids, v_seqs, v_prevs, v_hashes) as l(id, seq, prev, hash)
             where a.client_id = p_client and a.id = l.id;
            v_ids := '{}';
            v_seqs := '{}';
            v_prevs := '{}';
            v_hashes := '{}';
        end if;
    end loop;
    update audit.record a set chain_seq = l.seq, prev_hash = l.prev, hash = l.hash
      from unnest(v_ids, v_seqs, v_prevs, v_hashes) as l(id, seq, prev, hash)
     where a.client_id = p_client and a.id = l.id;
    update audit.chain_head set last_seq = v_seq, last_hash = v_hash where client_id = p_client;
    return v_sealed;
end
$$;
