-- A payslip's run and employee, and a figures-to-date row's employee, checked once per statement
-- instead of once per row.
--
-- The foreign keys looked each parent up and locked it (FOR KEY SHARE) for every payslip and every
-- figures-to-date row: three to five index probes and row locks per employee of a pay run, which
-- also dirtied every employee row a run touched. A pay run writes its payslips a slice of thousands
-- at a time, so one anti-join over each statement's new rows checks the same thing. The lock the
-- keys took guarded against a parent being deleted meanwhile; employees and pay runs are never
-- deleted (a leaver gets a leave date, a wrong run is recalculated or reversed), and that is now
-- enforced below for everyone, the tables' owner included.

alter table payroll.payslip drop constraint payslip_client_id_run_id_fkey;
alter table payroll.payslip drop constraint payslip_client_id_employee_id_fkey;
alter table payroll.to_date drop constraint to_date_client_id_employee_id_fkey;
alter table payroll.to_date drop constraint to_date_client_id_fkey;

create function payroll.never_deleted() returns trigger language plpgsql as $$
begin
    raise exception '% rows are never deleted', tg_table_name using errcode = 'PR002';
end
$$;
create trigger employee_never_deleted before delete on payroll.employee
    for each statement execute function payroll.never_deleted();
create trigger pay_run_never_deleted before delete on payroll.pay_run
    for each statement execute function payroll.never_deleted();

-- The parents are looked up by key, one index probe each: a hash join would read every employee.
create function payroll.check_payslip_parents() returns trigger
    language plpgsql set search_path = pg_catalog, payroll set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    missing text;
begin
    -- A statement writes the payslips of one run, usually: the run is looked up once.
    select format('payslips of run %s: no such pay run', n.run_id) into missing
      from (select distinct client_id, run_id from added) n
     where not exists (select from payroll.pay_run r where r.client_id = n.client_id and r.id = n.run_id)
     limit 1;
    if missing is null then
        select format('payslip of employee %s in run %s: no such employee', n.employee_id, n.run_id) into missing
          from added n
         where not exists (select from payroll.employee e where e.client_id = n.client_id and e.id = n.employee_id)
         limit 1;
    end if;
    if missing is not null then
        raise exception 'insert into payroll.payslip violates its parents: %', missing using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger payslip_parents_exist after insert on payroll.payslip
    referencing new table as added for each statement execute function payroll.check_payslip_parents();

create function payroll.check_to_date_employee() returns trigger
    language plpgsql set search_path = pg_catalog, payroll set enable_hashjoin = off set enable_mergejoin = off as
$$
declare
    missing uuid;
begin
    select n.employee_id into missing
      from added n
     where not exists (select from payroll.employee e where e.client_id = n.client_id and e.id = n.employee_id)
     limit 1;
    if missing is not null then
        raise exception 'figures to date of employee % violate their parent: no such employee', missing using errcode = '23503';
    end if;
    return null;
end
$$;

create trigger to_date_employee_exists after insert on payroll.to_date
    referencing new table as added for each statement execute function payroll.check_to_date_employee();
create trigger to_date_employee_kept after update on payroll.to_date
    referencing new table as added for each statement execute function payroll.check_to_date_employee();
