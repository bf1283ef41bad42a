-- The language an employee reads their payslip in (a BCP 47 language tag such as en, es, fil); payslips
-- print in it where OpenBPO has the labels, in English otherwise.
alter table payroll.employee add column language text check (language ~ '^[a-z]{2,3}(-[A-Z]{2})?$');
