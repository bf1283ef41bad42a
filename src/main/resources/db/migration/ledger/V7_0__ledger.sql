create schema if not exists ledger;
grant usage on schema ledger to openbpo_app;

-- A client's books: opened once, from a chart template, in the functional currency the
-- reports are drawn up in. Nothing posts before the books are open.
create table ledger.book (
    client_id           uuid        not null references tenancy.client (id),
    functional_currency char(3)     not null,
    template            text        not null,
    opened_at           timestamptz not null,
    opened_by           text        not null,
    primary key (client_id)
);

-- The chart of accounts. Accounts are keyed by the code accountants use; a heading groups
-- accounts below it and takes no postings. Purpose marks the accounts jobs post to.
create table ledger.account (
    client_id   uuid        not null references tenancy.client (id),
    code        text        not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name        text        not null,
    type        text        not null check (type in ('ASSET', 'LIABILITY', 'EQUITY', 'INCOME', 'EXPENSE')),
    parent_code text,
    heading     boolean     not null default false,
    purpose     text check (purpose in ('RETAINED_EARNINGS', 'UNREALISED_FX')),
    created_at  timestamptz not null,
    primary key (client_id, code),
    foreign key (client_id, parent_code) references ledger.account (client_id, code)
);
create unique index account_purpose on ledger.account (client_id, purpose) where purpose is not null;

-- Dimensions a posting line may carry, for cost-centre and project reporting.
create table ledger.dimension (
    client_id  uuid        not null references tenancy.client (id),
    kind       text        not null check (kind in ('COST_CENTRE', 'PROJECT')),
    code       text        not null check (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$'),
    name       text        not null,
    created_at timestamptz not null,
    primary key (client_id, kind, code)
);

-- Monthly periods. A month without a row is open; closing writes the row.
create table ledger.period (
    client_id  uuid        not null references tenancy.client (id),
    starts_on  date        not null check (extract(day from starts_on) = 1),
    status     text        not null check (status in ('OPEN', 'SOFT_CLOSED', 'CLOSED')),
    changed_at timestamptz not null,
    changed_by text        not null,
    primary key (client_id, starts_on)
);

-- Exchange rates per day: one unit of from_currency costs rate units of to_currency.
create table ledger.exchange_rate (
    client_id     uuid           not null references tenancy.client (id),
    from_currency char(3)        not null,
    to_currency   char(3)        not null,
    day           date           not null,
    rate          numeric(24, 12) not null check (rate > 0),
    primary key (client_id, from_currency, to_currency, day)
);

create sequence ledger.entry_id_seq cache 100;
grant usage on sequence ledger.entry_id_seq to openbpo_app;

-- Journal entries, append-only. xid is the transaction that wrote the entry: the application
-- cannot set it, and lines must carry the same one, so lines can only be added to an entry in the
-- transaction that creates it; the balance check at its commit therefore sees all its lines.
create table ledger.entry (
    client_id       uuid        not null,
    id              bigint      not null,
    entry_date      date        not null,
    description     text        not null,
    source          text        not null check (source in ('MANUAL', 'PAYROLL_RUN', 'VENDOR_INVOICE', 'PAYMENT',
                                                           'IMPORT', 'REVERSAL', 'REVALUATION')),
    idempotency_key text        not null check (length(idempotency_key) between 1 and 255),
    adjusting       boolean     not null default false,
    reverses        bigint,
    posted_at       timestamptz not null,
    posted_by       text        not null,
    xid             xid8        not null default pg_current_xact_id(),
    primary key (client_id, id),
    unique (client_id, idempotency_key),
    unique (client_id, id, xid),
    foreign key (client_id, reverses) references ledger.entry (client_id, id)
);
-- An entry is reversed at most once.
create unique index entry_reversed_once on ledger.entry (client_id, reverses) where reverses is not null;
create index entry_by_date on ledger.entry (client_id, entry_date, id);

-- Posting lines: amount is signed in minor units (debit positive, credit negative) in the line's
-- currency; functional_amount is the same value in the client's functional currency. A line
-- with a zero amount only moves functional value (a revaluation).
create table ledger.line (
    client_id         uuid     not null,
    entry_id          bigint   not null,
    line_no           smallint not null,
    entry_date        date     not null,
    account_code      text     not null,
    currency          char(3)  not null,
    amount            bigint   not null,
    functional_amount bigint   not null,
    cost_centre       text,
    project           text,
    memo              text,
    entry_xid         xid8     not null default pg_current_xact_id(),
    check (amount <> 0 or functional_amount <> 0),
    primary key (client_id, entry_id, line_no),
    foreign key (client_id, entry_id, entry_xid) references ledger.entry (client_id, id, xid),
    foreign key (client_id, account_code) references ledger.account (client_id, code)
);
-- General-ledger detail and revaluation read lines by account and date.
create index line_by_account on ledger.line (client_id, account_code, entry_date, entry_id, line_no)
    include (currency, amount, functional_amount);

-- Running balances per client, account, currency and day, written in the posting transaction.
-- Concurrent postings to one busy account would queue on a single row, so each transaction
-- adds to one of several slots; a compaction folds older days back into slot 0.
create table ledger.balance (
    client_id         uuid     not null,
    account_code      text     not null,
    currency          char(3)  not null,
    day               date     not null,
    slot              smallint not null,
    amount            bigint   not null,
    functional_amount bigint   not null,
    primary key (client_id, account_code, currency, day, slot)
);

-- At commit: every entry has lines of its own date, summing to zero per currency and in
-- functional value. One firing per entry (not per line) keeps bulk imports affordable.
create function ledger.check_entry_balances() returns trigger
    language plpgsql as
$$
declare
    lines      bigint;
    amount     bigint;
    functional bigint;
    same_date  boolean;
    lowest     text;
    highest    text;
    unbalanced record;
begin
    -- One aggregate settles the usual single-currency entry; only mixed ones group by currency.
    select count(*), sum(l.amount), sum(l.functional_amount), bool_and(l.entry_date = new.entry_date),
           min(l.currency), max(l.currency)
      into lines, amount, functional, same_date, lowest, highest
      from ledger.line l
     where l.client_id = new.client_id and l.entry_id = new.id;
    if lines = 0 then
        raise exception 'entry % has no lines', new.id using errcode = 'LB002';
    end if;
    if not same_date then
        raise exception 'entry % has lines dated otherwise than the entry', new.id using errcode = 'LB003';
    end if;
    if lowest = highest and amount <> 0 then
        raise exception 'entry % does not balance in %: off by % minor units', new.id, lowest, amount using errcode = 'LB001';
    end if;
    if lowest <> highest then
        select l.currency, sum(l.amount) as off into unbalanced
          from ledger.line l
         where l.client_id = new.client_id and l.entry_id = new.id
         group by l.currency
        having sum(l.amount) <> 0
         limit 1;
        if found then
            raise exception 'entry % does not balance in %: off by % minor units', new.id, unbalanced.currency,
                unbalanced.off using errcode = 'LB001';
        end if;
    end if;
    if functional <> 0 then
        raise exception 'entry % does not balance in functional value: off by % minor units', new.id, functional
            using errcode = 'LB001';
    end if;
    return null;
end
$$;

create constraint trigger entry_balances after insert on ledger.entry
    deferrable initially deferred for each row execute function ledger.check_entry_balances();

-- Running balances follow the lines in the same statement, whoever inserts them. Each
-- connection adds to its own slot; rows are taken in key order so two postings never deadlock.
create function ledger.add_to_balances() returns trigger
    language plpgsql security definer set search_path = pg_catalog, ledger as
$$
begin
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

create trigger line_moves_balances after insert on ledger.line
    referencing new table as new_lines for each statement execute function ledger.add_to_balances();

-- Folds the slots of a client's days before the given one into slot 0, so reports read fewer rows.
create function ledger.compact_balances(client uuid, before_day date) returns int
    language plpgsql security definer set search_path = pg_catalog, ledger as
$$
declare
    folded int;
begin
    with moved as (
        delete from ledger.balance
         where client_id = client and day < before_day and slot <> 0
        returning client_id, account_code, currency, day, amount, functional_amount
    )
    insert into ledger.balance as b (client_id, account_code, currency, day, slot, amount, functional_amount)
    select client_id, account_code, currency, day, 0, sum(amount), sum(functional_amount)
      from moved
     group by client_id, account_code, currency, day
     order by client_id, account_code, currency, day
        on conflict (client_id, account_code, currency, day, slot)
        do update set amount = b.amount + excluded.amount, functional_amount = b.functional_amount + excluded.functional_amount;
    get diagnostics folded = row_count;
    return folded;
end
$$;

-- Period locks: posting takes a shared lock per client and month, changing a period's status
-- an exclusive one, so a close waits for postings in flight and later postings see it closed.
create function ledger.period_lock(client uuid, month date) returns int
    language sql immutable as
$$ select hashtext(client::text || month::text) $$;

create function ledger.refuse_closed_periods() returns trigger
    language plpgsql as
$$
declare
    refused record;
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
    return null;
end
$$;

create trigger entry_period_open after insert on ledger.entry
    referencing new table as new_entries for each statement execute function ledger.refuse_closed_periods();

create function ledger.lock_period_change() returns trigger
    language plpgsql as
$$
begin
    perform pg_advisory_xact_lock(7, ledger.period_lock(new.client_id, new.starts_on));
    return new;
end
$$;

create trigger period_change_waits before insert or update on ledger.period
    for each row execute function ledger.lock_period_change();

do $$
declare
    t text;
begin
    foreach t in array array['book', 'account', 'dimension', 'period', 'exchange_rate', 'entry', 'line', 'balance']
    loop
        execute format('alter table ledger.%I enable row level security', t);
        execute format('alter table ledger.%I force row level security', t);
        execute format('create policy %I on ledger.%I using ((select tenancy.all_clients()) '
                       'or client_id = any ((select tenancy.allowed_clients())::uuid[]))', t || '_isolation', t);
    end loop;
end
$$;

grant select, insert on ledger.book to openbpo_app;
grant select, insert, update on ledger.account, ledger.dimension, ledger.period, ledger.exchange_rate to openbpo_app;
-- A bulk import refreshes the planner's statistics of what it just wrote (PostgreSQL 17's MAINTAIN).
grant maintain on ledger.entry, ledger.line, ledger.balance to openbpo_app;
-- Balances are written only by the trigger and the compaction above.
grant select on ledger.balance to openbpo_app;
grant execute on function ledger.compact_balances(uuid, date) to openbpo_app;
-- Append-only: no UPDATE or DELETE, and the transaction id columns are not the application's to set.
grant select on ledger.entry, ledger.line to openbpo_app;
grant insert (client_id, id, entry_date, description, source, idempotency_key, adjusting, reverses, posted_at, posted_by)
    on ledger.entry to openbpo_app;
grant insert (client_id, entry_id, line_no, entry_date, account_code, currency, amount, functional_amount,
              cost_centre, project, memo)
    on ledger.line to openbpo_app;
