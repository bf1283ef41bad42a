-- A large import or proposal refreshes the planner's statistics of what it just wrote (PostgreSQL 17's
-- MAINTAIN); plans made on the statistics of an empty table join every invoice with every other.
grant maintain on payables.invoice, payables.invoice_line, payables.purchase_order, payables.po_line,
    payables.proposal_item, payables.payment to openbpo_app;
