-- Re-opening a finalised run: a REVERSAL run negates every payslip of it (and so the figures to date and
-- the journal), the run itself becomes REVERSED, and a correction run (corrects = the reversed run) pays
-- the period again less what the reversed runs of the chain already paid. A run is reversed once.
alter table payroll.pay_run drop constraint pay_run_kind_check,
    add constraint pay_run_kind_check check (kind in ('REGULAR', 'OFF_CYCLE', 'REVERSAL'));
alter table payroll.pay_run drop constraint pay_run_status_check,
    add constraint pay_run_status_check check (status in ('PREPARED', 'CHECKING', 'AWAITING_CLIENT', 'APPROVED', 'FINALISED', 'PAID',
                                                          'CANCELLED', 'REVERSED'));
alter table payroll.pay_run
    add column reverses     bigint,
    add column reversed_by  bigint,
    add column corrects     bigint,
    add column reopen_reason text,
    add foreign key (client_id, reverses) references payroll.pay_run (client_id, id),
    add foreign key (client_id, corrects) references payroll.pay_run (client_id, id);
create unique index pay_run_reversed_once on payroll.pay_run (client_id, reverses) where reverses is not null;
create unique index pay_run_corrected_once on payroll.pay_run (client_id, corrects) where corrects is not null;

drop index payroll.pay_run_regular_once;
create unique index pay_run_regular_once on payroll.pay_run (client_id, pay_group, period_end)
    where kind = 'REGULAR' and status not in ('CANCELLED', 'REVERSED');

-- A reversed run's payslips stay locked, as a finalised run's do.
create or replace function payroll.payslip_locked() returns trigger language plpgsql as $$
begin
    if exists (select 1 from payroll.pay_run r where r.client_id = old.client_id and r.id = old.run_id
               and r.status in ('FINALISED', 'PAID', 'REVERSED')) then
        raise exception 'pay run % is finalised; its payslips cannot change', old.run_id using errcode = 'PR001';
    end if;
    return case when tg_op = 'DELETE' then old else new end;
end
$$;
