-- Why the provider's checker last sent a run back to its preparer. It is the provider's own working note:
-- it stays with the run for the provider's staff and never goes on the run's work item, whose timeline
-- the client reads.
alter table payroll.pay_run add column return_note text;
