-- When a regular run stops taking inputs: the end of its cut-off day in the client's calendar, or the moment
-- it was first prepared if that is later (a run prepared late takes what was on hand). One-off and recurring
-- items received later wait for the next run; hours for its period are refused. Runs from before this
-- migration keep taking inputs (null).
alter table payroll.pay_run add column inputs_close_at timestamptz;
