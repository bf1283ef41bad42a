-- The line check of V7_3 aggregated a statement's lines three times: per entry and currency (a
-- materialized table as large as the entries), that again per entry, and again per entry for the
-- functional balance. Nearly every entry is in one currency, and for such an entry "the lines sum
-- to zero in their currency" is "the lines sum to zero". So one aggregate per entry now carries the
-- sum, the functional sum and the lowest and highest currency; only when a statement holds an entry
-- with lines in several currencies is it grouped per entry and currency as before. The rules, their
-- order and their messages are unchanged; the journal's lines are still probed only by key.

create or replace function ledger.after_new_lines() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger
    set enable_hashjoin = off set enable_mergejoin = off set enable_seqscan = off as
$$
declare
    problem text;
    problem_code text;
    own_command cid;
    lined_later bigint;
    mixed bigint;
    currency_problem text;
begin
    -- The command id this statement wrote its lines with, read from one of them.
    select l.cmin into own_command
      from (select client_id, entry_id, line_no from new_lines limit 1) f
      join ledger.line l on l.client_id = f.client_id and l.entry_id = f.entry_id and l.line_no = f.line_no;
    with per_entry as materialized (
        select c.client_id, c.entry_id, c.entry_date, c.amount, c.functional, c.lowest, c.highest, c.first_lines,
               e.id as entry_found, e.cmin as entry_command
          from (select client_id, entry_id, entry_date, sum(amount) as amount, sum(functional_amount) as functional,
                       min(currency) as lowest, max(currency) as highest, count(*) filter (where line_no = 1) as first_lines
                  from new_lines
                 group by client_id, entry_id, entry_date) c
          -- Lateral with a limit (the key is unique), so it stays a probe by key per aggregated entry: as a plain
          -- join of this aggregate the planner read the transaction's entries into memory once and scanned them
          -- for every entry (a 100,000-entry slice of the bulk import ran for minutes).
          left join lateral (select e.id, e.cmin from ledger.entry e
                              where e.client_id = c.client_id and e.id = c.entry_id and e.xid = pg_current_xact_id()
                                and e.entry_date = c.entry_date
                              limit 1) e on true
    ), problems as (
        (select 1 as rank, format('a line of entry %s has no entry dated %s written by its own transaction',
                                  entry_id, entry_date) as problem, 'LB004' as code, 0::bigint as counted
           from per_entry where entry_found is null limit 1)
        union all
        (select 2, format('there is no account %s', a.account_code), 'LB005', 0
           from (select distinct client_id, account_code from new_lines) a
          where not exists (select from ledger.account ac where ac.client_id = a.client_id and ac.code = a.account_code)
          limit 1)
        union all
        (select 3, format('entry %s does not balance in %s: off by %s minor units', entry_id, lowest, amount), 'LB001', 0
           from per_entry where lowest = highest and amount <> 0 limit 1)
        union all
        (select 4, format('entry %s does not balance in functional value: off by %s minor units', entry_id, functional),
                'LB001', 0
           from per_entry where functional <> 0 limit 1)
        union all
        (select 5, null, null, coalesce(sum(first_lines), 0)::bigint
           from per_entry where entry_found is not null and not entry_command = own_command)
        union all
        (select 6, null, null, count(*) from per_entry where lowest <> highest)
    )
    select (array_agg(p.problem order by p.rank) filter (where p.rank < 5))[1],
           (array_agg(p.code order by p.rank) filter (where p.rank < 5))[1],
           max(p.counted) filter (where p.rank = 5),
           max(p.counted) filter (where p.rank = 6)
      into problem, problem_code, lined_later, mixed
      from problems p;
    -- An entry in several currencies balances in each of them: checked after the entries and the
    -- accounts and before the functional value, as before.
    if mixed > 0 and (problem is null or problem like '%in functional value%') then
        select format('entry %s does not balance in %s: off by %s minor units', entry_id, currency, sum(amount))
          into currency_problem
          from new_lines
         group by client_id, entry_id, currency
        having sum(amount) <> 0
         limit 1;
        if currency_problem is not null then
            problem := currency_problem;
            problem_code := 'LB001';
        end if;
    end if;
    if problem is not null then
        raise exception '%', problem using errcode = problem_code;
    end if;
    if lined_later > 0 then
        update ledger.unlined_entries set entries = entries - lined_later where xid = pg_current_xact_id();
    end if;
    insert into ledger.balance as b (client_id, account_code, currency, day, slot, amount, functional_amount)
    select client_id, account_code, currency, entry_date, pg_backend_pid() % 16, sum(amount), sum(functional_amount)
      from new_lines
     group by client_id, account_code, currency, entry_date
     order by client_id, account_code, currency, entry_date
        on conflict (client_id, account_code, currency, day, slot)
        do update set amount = b.amount + excluded.amount, functional_amount = b.functional_amount + excluded.functional_amount;
    return null;
end
$$;
