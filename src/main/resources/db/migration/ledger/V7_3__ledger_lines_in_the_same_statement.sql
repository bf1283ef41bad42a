-- An entry posted with its lines in one statement (the online post: one INSERT with two CTEs) no
-- longer goes through ledger.unlined_entries: its statement trigger fires after the whole statement,
-- finds the entry's first line already there and has nothing to count. Only entries whose lines
-- come in a later statement (the bulk import, raw SQL) are counted, and a line statement takes off
-- only the first lines of entries written by an earlier command of the transaction (the entry's
-- cmin differs from the line's): exactly the entries that were counted.

create or replace function ledger.after_new_entries() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger as
$$
declare
    refused record;
    foreign_xid bigint;
    unlined bigint;
begin
    perform pg_advisory_xact_lock_shared(7, ledger.period_lock(m.client_id, m.month))
       from (select distinct client_id, date_trunc('month', entry_date)::date as month from new_entries) m;
    select e.id, e.entry_date, p.status into refused
      from new_entries e
      join ledger.period p on p.client_id = e.client_id and p.starts_on = date_trunc('month', e.entry_date)::date
     where p.status = 'CLOSED' or (p.status = 'SOFT_CLOSED' and not e.adjusting)
     limit 1;
    if found then
        raise exception 'the period of % is %', refused.entry_date, refused.status using errcode = 'LP001';
    end if;
    select count(*) filter (where e.xid <> pg_current_xact_id()),
           count(*) filter (where not exists (select from ledger.line l
                                               where l.client_id = e.client_id and l.entry_id = e.id and l.line_no = 1))
      into foreign_xid, unlined
      from new_entries e;
    if foreign_xid > 0 then
        raise exception 'an entry must carry the transaction that writes it' using errcode = 'LB004';
    end if;
    if unlined > 0 then
        insert into ledger.unlined_entries as u (xid, entries) values (pg_current_xact_id(), unlined)
            on conflict (xid) do update set entries = u.entries + excluded.entries;
    end if;
    return null;
end
$$;

create or replace function ledger.after_new_lines() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger
    set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    problem text;
    problem_code text;
    own_command cid;
    lined_later bigint;
begin
    -- The command id this statement wrote its lines with, read from one of them.
    select l.cmin into own_command
      from (select client_id, entry_id, line_no from new_lines limit 1) f
      join ledger.line l on l.client_id = f.client_id and l.entry_id = f.entry_id and l.line_no = f.line_no;
    with per_currency as materialized (
        select client_id, entry_id, entry_date, currency, sum(amount) as amount, sum(functional_amount) as functional,
               count(*) filter (where line_no = 1) as first_lines
          from new_lines
         group by client_id, entry_id, entry_date, currency
    ), per_entry as materialized (
        select c.client_id, c.entry_id, c.entry_date, c.first_lines, e.id as entry_found, e.cmin as entry_command
          from (select client_id, entry_id, entry_date, sum(first_lines) as first_lines from per_currency
                 group by client_id, entry_id, entry_date) c
          left join ledger.entry e on e.client_id = c.client_id and e.id = c.entry_id and e.xid = pg_current_xact_id()
                                  and e.entry_date = c.entry_date
    ), problems as (
        (select 1 as rank, format('a line of entry %s has no entry dated %s written by its own transaction',
                                  entry_id, entry_date) as problem, 'LB004' as code, 0::bigint as lined
           from per_entry where entry_found is null limit 1)
        union all
        (select 2, format('there is no account %s', a.account_code), 'LB005', 0
           from (select distinct client_id, account_code from new_lines) a
          where not exists (select from ledger.account ac where ac.client_id = a.client_id and ac.code = a.account_code)
          limit 1)
        union all
        (select 3, format('entry %s does not balance in %s: off by %s minor units', entry_id, currency, amount), 'LB001', 0
           from per_currency where amount <> 0 limit 1)
        union all
        (select 4, format('entry %s does not balance in functional value: off by %s minor units', entry_id, sum(functional)),
                'LB001', 0
           from per_currency group by client_id, entry_id having sum(functional) <> 0 limit 1)
        union all
        (select 5, null, null, coalesce(sum(first_lines), 0)::bigint
           from per_entry where entry_found is not null and not entry_command = own_command)
    )
    select (array_agg(p.problem order by p.rank) filter (where p.rank < 5))[1],
           (array_agg(p.code order by p.rank) filter (where p.rank < 5))[1],
           max(p.lined) filter (where p.rank = 5)
      into problem, problem_code, lined_later
      from problems p;
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
