-- The journal's guarantees, checked once per statement instead of once per line and per entry.
--
-- V7_0 checked each line's entry and account with a foreign key (two index look-ups and a row
-- lock per line) and each entry's balance with a deferred trigger at commit (one function call and
-- one query per entry). A bulk import of a million entries spent most of its time there. The same
-- rules now run over each statement's transition tables:
--   * every line belongs to an entry written by the same transaction and dated like it, and names
--     an account of the client's chart (what the two foreign keys guaranteed);
--   * the lines a statement adds to an entry sum to zero per currency and in functional value.
--     Lines are never changed or deleted (below), so if every statement's additions balance,
--     every entry balances;
--   * every entry has lines by the time its transaction commits: the statements count the entries
--     they write and the first lines (line_no 1, unique per entry) they write, and one deferred
--     trigger per transaction checks the two counts agree.

alter table ledger.line drop constraint line_client_id_entry_id_entry_xid_fkey;
alter table ledger.line drop constraint line_client_id_account_code_fkey;
alter table ledger.line drop column entry_xid;
alter table ledger.entry drop constraint entry_client_id_id_xid_key;
drop trigger entry_balances on ledger.entry;
drop function ledger.check_entry_balances();
alter table ledger.line add constraint line_numbered_from_one check (line_no >= 1);

-- Entries written by a transaction still waiting for their first line. One row per writing
-- transaction, removed at its commit; unlogged because it never outlives the transaction.
create unlogged table ledger.unlined_entries (
    xid     xid8   not null primary key,
    entries bigint not null
);

create function ledger.count_new_entries() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger as
$$
declare
    written bigint;
    foreign_xid bigint;
begin
    select count(*), count(*) filter (where xid <> pg_current_xact_id()) into written, foreign_xid from new_entries;
    if foreign_xid > 0 then
        raise exception 'an entry must carry the transaction that writes it' using errcode = 'LB004';
    end if;
    if written > 0 then
        insert into ledger.unlined_entries as u (xid, entries) values (pg_current_xact_id(), written)
            on conflict (xid) do update set entries = u.entries + excluded.entries;
    end if;
    return null;
end
$$;

create trigger entry_awaits_lines after insert on ledger.entry
    referencing new table as new_entries for each statement execute function ledger.count_new_entries();

create function ledger.check_new_lines() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger
    -- The entries are looked up by key, one index probe each: a hash join would read the whole journal.
    set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    problem text;
    problem_code text;
begin
    with per_currency as materialized (
        select client_id, entry_id, entry_date, currency, sum(amount) as amount, sum(functional_amount) as functional
          from new_lines
         group by client_id, entry_id, entry_date, currency
    ), problems as (
        (select 1 as rank, format('a line of entry %s has no entry dated %s written by its own transaction',
                                  c.entry_id, c.entry_date) as problem, 'LB004' as code
           from (select distinct client_id, entry_id, entry_date from per_currency) c
          where not exists (select from ledger.entry e
                             where e.client_id = c.client_id and e.id = c.entry_id and e.xid = pg_current_xact_id()
                               and e.entry_date = c.entry_date)
          limit 1)
        union all
        (select 2, format('there is no account %s', a.account_code), 'LB005'
           from (select distinct client_id, account_code from new_lines) a
          where not exists (select from ledger.account ac where ac.client_id = a.client_id and ac.code = a.account_code)
          limit 1)
        union all
        (select 3, format('entry %s does not balance in %s: off by %s minor units', entry_id, currency, amount), 'LB001'
           from per_currency where amount <> 0 limit 1)
        union all
        (select 4, format('entry %s does not balance in functional value: off by %s minor units', entry_id, sum(functional)),
                'LB001'
           from per_currency group by client_id, entry_id having sum(functional) <> 0 limit 1)
    )
    select p.problem, p.code into problem, problem_code from problems p order by p.rank limit 1;
    if problem is not null then
        raise exception '%', problem using errcode = problem_code;
    end if;
    update ledger.unlined_entries
       set entries = entries - (select count(*) from new_lines where line_no = 1)
     where xid = pg_current_xact_id();
    return null;
end
$$;

create trigger line_checks after insert on ledger.line
    referencing new table as new_lines for each statement execute function ledger.check_new_lines();

create function ledger.check_every_entry_has_lines() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger as
$$
declare
    waiting bigint;
begin
    delete from ledger.unlined_entries where xid = new.xid returning entries into waiting;
    if waiting <> 0 then
        raise exception '% entries of this transaction have no lines', waiting using errcode = 'LB002';
    end if;
    return null;
end
$$;

create constraint trigger every_entry_has_lines after insert on ledger.unlined_entries
    deferrable initially deferred for each row execute function ledger.check_every_entry_has_lines();

-- Append-only for everyone, the owner included: the statement checks above rely on lines never
-- changing, and lines on their entries and accounts staying where they are.
create function ledger.refuse_changes() returns trigger
    language plpgsql as
$$
begin
    raise exception 'ledger.% is append-only: correct an entry with a reversal', tg_table_name using errcode = 'LB006';
end
$$;

create trigger entry_append_only before update or delete on ledger.entry
    for each row execute function ledger.refuse_changes();
create trigger line_append_only before update or delete on ledger.line
    for each row execute function ledger.refuse_changes();
create trigger entry_not_truncated before truncate on ledger.entry
    for each statement execute function ledger.refuse_changes();
create trigger line_not_truncated before truncate on ledger.line
    for each statement execute function ledger.refuse_changes();

-- An account with postings keeps its code and stays in the chart.
create function ledger.keep_posted_accounts() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger as
$$
begin
    if (tg_op = 'DELETE' or new.code <> old.code or new.client_id <> old.client_id)
        and exists (select from ledger.line l where l.client_id = old.client_id and l.account_code = old.code) then
        raise exception 'account % has postings and cannot be renumbered or removed', old.code using errcode = 'LB005';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;

create trigger account_keeps_postings before update of code, client_id or delete on ledger.account
    for each row execute function ledger.keep_posted_accounts();
