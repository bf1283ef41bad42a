-- Sealing rewrote every record once more (chain_seq, prev_hash, hash): a second row version, three
-- new index entries, dead tuples for vacuum and their WAL, 56–76 µs per record. Records are now
-- written once and never updated: the chain lives in its own insert-only table, one row per sealed
-- block of records.
--
-- A client's records are sealed in the order of their position (txid, id): the transaction that
-- wrote them, then the record's id. The sealer takes only records whose transactions have all ended
-- (txid < the snapshot's xmin), so no record can later appear at a position before one already
-- sealed: a transaction still running has a txid at or above xmin, above every sealed one. A block
-- covers the positions after the previous block's last one up to its own last one; its hash covers
-- the previous block's hash, its number and the canonical text of each of its records in position
-- order. An edited, deleted or inserted record anywhere in sealed history changes a block's count or
-- hash; a removed or edited block breaks the link to the next one or to the chain head.
--
-- The records chained one by one before this migration keep their links (chain_seq, prev_hash,
-- hash) and stay verifiable as the chain's legacy prefix; the first block links to its last hash.

do $$ begin perform set_config('openbpo.clients', '*', true); end $$;

-- Chain what is waiting with the record-by-record links, so the legacy prefix ends cleanly: every
-- record not linked now belongs to a transaction still running, whose txid lies above every linked one.
select audit.seal(client_id) from (select distinct client_id from audit.record where chain_seq is null) pending;

alter table audit.chain_head
    add column blocks      bigint not null default 0,
    add column sealed_txid xid8   not null default '0',
    add column sealed_id   bigint not null default 0;
comment on column audit.chain_head.last_seq is 'records linked one by one before blocks (the legacy prefix)';
comment on column audit.chain_head.last_hash is 'hash of the newest link: the newest block, else the newest legacy record';
comment on column audit.chain_head.sealed_txid is 'position (txid, id) of the newest sealed record';

update audit.chain_head h
   set sealed_txid = p.txid, sealed_id = p.id
  from (select distinct on (client_id) client_id, txid, id
          from audit.record where chain_seq is not null
         order by client_id, txid desc, id desc) p
 where p.client_id = h.client_id;

create table audit.block (
    client_id  uuid   not null,
    block_no   bigint not null,
    after_txid xid8   not null, -- the block covers the positions after (after_txid, after_id) …
    after_id   bigint not null,
    last_txid  xid8   not null, -- … up to and including (last_txid, last_id)
    last_id    bigint not null,
    first_id   bigint not null,
    records    int    not null check (records > 0),
    prev_hash  bytea  not null,
    hash       bytea  not null,
    primary key (client_id, block_no)
);
alter table audit.block enable row level security;
alter table audit.block force row level security;
create policy block_isolation on audit.block
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select on audit.block to openbpo_app;

-- Sealing and verifying read a client's records by position; the partial index of unsealed records
-- is no longer needed (it would hold every new record forever). The record's identity stays
-- unique: id is generated always.
drop index audit.record_unsealed;
alter table audit.record drop constraint record_pkey;
alter table audit.record add constraint record_pkey primary key (client_id, txid, id);

-- Nothing updates a record any more, not even the sealer.
drop policy record_seal on audit.record;

-- A record's canonical text: a JSON array, so no field can spill into the next; one line per record.
-- Declared stable, as json_build_array and extract are: only then does the planner inline it into
-- the sealing and verifying queries (an immutable label on a stable body is called row by row
-- through the SQL-function executor, about 70 µs a record).
create function audit.record_line(r audit.record) returns text
    language sql stable
as $$
select json_build_array(r.client_id, r.id, r.txid, (extract(epoch from r.recorded_at) * 1000000)::bigint,
                        r.actor, r.action, r.entity_type, r.entity_id, r.before, r.after)::text
$$;

create function audit.block_hash(p_prev bytea, p_block_no bigint, p_lines text) returns bytea
    language sql stable
as $$ select sha256(p_prev || convert_to(p_block_no || E'\n' || p_lines, 'UTF8')) $$;

-- Seals a client's records whose transactions have all ended, in blocks of at most 10,000.
-- Returns how many it sealed; 0 when another node holds the chain right now.
create or replace function audit.seal(p_client uuid) returns int
    language plpgsql security definer set search_path = audit, pg_catalog
as $$
declare
    v_xmin   xid8 := pg_snapshot_xmin(pg_current_snapshot());
    v_head   audit.chain_head;
    v_block  audit.block;
    v_sealed int := 0;
begin
    insert into audit.chain_head (client_id, last_seq, last_hash)
    values (p_client, 0, sha256(convert_to('openbpo-audit-genesis:' || p_client, 'UTF8')))
    on conflict (client_id) do nothing;
    select * into v_head from audit.chain_head where client_id = p_client for update skip locked;
    if not found then
        return 0;
    end if;
    if v_xmin < v_head.sealed_txid then
        -- Only a restore into another cluster moves transaction ids back; sealing on would put new
        -- records inside sealed blocks. Refuse loudly rather than break the chain.
        raise exception 'audit chain of client %: transaction ids went back (xmin % is below the sealed %)',
            p_client, v_xmin, v_head.sealed_txid;
    end if;
    loop
        with b as materialized (
            select r.txid, r.id, audit.record_line(r) as line
              from audit.record r
             where r.client_id = p_client and (r.txid, r.id) > (v_head.sealed_txid, v_head.sealed_id)
               and r.txid < v_xmin
             order by r.txid, r.id
             limit 10000)
        select p_client, v_head.blocks + 1, v_head.sealed_txid, v_head.sealed_id,
               (select txid from b order by txid desc, id desc limit 1),
               (select id from b order by txid desc, id desc limit 1),
               (select id from b order by txid, id limit 1),
               count(*), v_head.last_hash,
               audit.block_hash(v_head.last_hash, v_head.blocks + 1, string_agg(line, E'\n' order by txid, id))
          into v_block
          from b;
        exit when v_block.records = 0;
        insert into audit.block values (v_block.*);
        v_head.blocks := v_block.block_no;
        v_head.sealed_txid := v_block.last_txid;
        v_head.sealed_id := v_block.last_id;
        v_head.last_hash := v_block.hash;
        v_sealed := v_sealed + v_block.records;
        exit when v_block.records < 10000;
    end loop;
    if v_sealed > 0 then
        update audit.chain_head
           set blocks = v_head.blocks, sealed_txid = v_head.sealed_txid, sealed_id = v_head.sealed_id,
               last_hash = v_head.last_hash
         where client_id = p_client;
    end if;
    return v_sealed;
end
$$;

-- Walks a client's chain, the legacy records one by one and then the blocks, and reports the first
-- link that does not hold: where (a record or a block) and why.
drop function audit.verify(uuid);
create function audit.verify(p_client uuid)
    returns table (checked bigint, blocks bigint, broken_at text, reason text)
    language plpgsql stable
as $$
declare
    v_expected bigint := 0;
    v_checked  bigint := 0;
    v_blocks   bigint := 0;
    v_hash     bytea  := sha256(convert_to('openbpo-audit-genesis:' || p_client, 'UTF8'));
    v_txid     xid8;
    v_id       bigint;
    v_count    bigint;
    v_content  bytea;
    v_head     audit.chain_head;
    r          audit.record;
    b          audit.block;
begin
    select * into v_head from audit.chain_head h where h.client_id = p_client;
    for r in select * from audit.record where client_id = p_client and chain_seq is not null order by chain_seq
    loop
        v_expected := v_expected + 1;
        if r.chain_seq <> v_expected then
            return query select v_expected - 1, 0::bigint, 'record ' || v_expected, 'record ' || v_expected || ' is missing';
            return;
        end if;
        if r.prev_hash is distinct from v_hash then
            return query select v_expected - 1, 0::bigint, 'record ' || r.chain_seq, 'previous-hash link does not match';
            return;
        end if;
        v_hash := sha256(v_hash || audit.record_text(r));
        if r.hash is distinct from v_hash then
            return query select v_expected - 1, 0::bigint, 'record ' || r.chain_seq, 'content does not match its hash';
            return;
        end if;
    end loop;
    v_checked := v_expected;
    if v_head.last_seq is distinct from v_expected then
        return query select v_checked, 0::bigint, 'record ' || (v_expected + 1),
                            'records after ' || v_expected || ' are missing';
        return;
    end if;
    -- Where the blocks begin: after the newest legacy record. Any other record up to there has no link.
    select txid, id into v_txid, v_id from audit.record
     where client_id = p_client and chain_seq is not null order by txid desc, id desc limit 1;
    v_txid := coalesce(v_txid, '0'::xid8);
    v_id := coalesce(v_id, 0);
    select count(*) into v_count from audit.record where client_id = p_client and (txid, id) <= (v_txid, v_id);
    if v_count <> v_expected then
        return query select v_checked, 0::bigint, 'before block 1',
                            (v_count - v_expected) || ' record(s) among the legacy links that belong to no link';
        return;
    end if;
    for b in select * from audit.block where client_id = p_client order by block_no
    loop
        v_blocks := v_blocks + 1;
        if b.block_no <> v_blocks then
            return query select v_checked, v_blocks - 1, 'block ' || v_blocks, 'block ' || v_blocks || ' is missing';
            return;
        end if;
        if b.prev_hash is distinct from v_hash then
            return query select v_checked, v_blocks - 1, 'block ' || b.block_no, 'previous-hash link does not match';
            return;
        end if;
        if (b.after_txid, b.after_id) <> (v_txid, v_id) then
            return query select v_checked, v_blocks - 1, 'block ' || b.block_no,
                                'does not begin where block ' || (b.block_no - 1) || ' ends';
            return;
        end if;
        select count(*), audit.block_hash(b.prev_hash, b.block_no, string_agg(line, E'\n' order by txid, id))
          into v_count, v_content
          from (select x.txid, x.id, audit.record_line(x) as line from audit.record x
                 where x.client_id = p_client and (x.txid, x.id) > (b.after_txid, b.after_id)
                   and (x.txid, x.id) <= (b.last_txid, b.last_id)) lines;
        if v_count <> b.records then
            return query select v_checked, v_blocks - 1, 'block ' || b.block_no || ' (records ' || b.first_id || '…' || b.last_id || ')',
                                v_count || ' records where ' || b.records || ' were sealed: records were deleted or added';
            return;
        end if;
        if v_content is distinct from b.hash then
            return query select v_checked, v_blocks - 1, 'block ' || b.block_no || ' (records ' || b.first_id || '…' || b.last_id || ')',
                                'content does not match its hash: a record was edited';
            return;
        end if;
        v_checked := v_checked + v_count;
        v_hash := b.hash;
        v_txid := b.last_txid;
        v_id := b.last_id;
    end loop;
    if v_head.blocks is distinct from v_blocks or v_head.last_hash is distinct from v_hash then
        return query select v_checked, v_blocks, 'block ' || (v_blocks + 1),
                            'the chain head names ' || coalesce(v_head.blocks, 0) || ' blocks; blocks after ' || v_blocks || ' are missing or changed';
        return;
    end if;
    return query select v_checked, v_blocks, null::text, null::text;
end
$$;

-- How many records (of the clients in the transaction's scope) wait for their block.
create function audit.unsealed() returns bigint
    language sql stable
as $$
select count(*) from audit.record r left join audit.chain_head h on h.client_id = r.client_id
 where (r.txid, r.id) > (coalesce(h.sealed_txid, '0'::xid8), coalesce(h.sealed_id, 0))
$$;

grant execute on function audit.seal(uuid), audit.verify(uuid), audit.record_line(audit.record),
    audit.block_hash(bytea, bigint, text), audit.unsealed() to openbpo_app;
