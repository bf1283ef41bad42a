-- One statement trigger per table instead of two: each trigger call sets up its transition table
-- and its PL/pgSQL frame, which for a one-entry online post costs about as much as the checks.
-- The bodies are those of V7_0 and V7_1, run in the same order; the four functions they replace go.

drop trigger entry_period_open on ledger.entry;
drop trigger entry_awaits_lines on ledger.entry;
drop trigger line_checks on ledger.line;
drop trigger line_moves_balances on ledger.line;
drop function ledger.refuse_closed_periods();
drop function ledger.count_new_entries();
drop function ledger.check_new_lines();
drop function ledger.add_to_balances();

create function ledger.after_new_entries() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger as
$$
declare
    refused record;
    written bigint;
    foreign_xid bigint;
begin
    -- Closed periods (V7_0 refuse_closed_periods): a shared lock per client and month, then the check.
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
    -- Entries waiting for their lines (V7_1 count_new_entries).
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

create trigger entry_checks after insert on ledger.entry
    referencing new table as new_entries for each statement execute function ledger.after_new_entries();

create function ledger.after_new_lines() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger
    set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    problem text;
    problem_code text;
begin
    -- The checks of V7_1 check_new_lines.
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
    -- Running balances (V7_0 add_to_balances): each connection adds to its own slot, in key order.
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

create trigger line_checks_and_balances after insert on ledger.line
    referencing new table as new_lines for each statement execute function ledger.after_new_lines();
