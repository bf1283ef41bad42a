-- A renewal takes over the service lines of a contract whose term has ended: a service line's code is
-- unique per contract, and Contracts refuses a code on two contracts of a client whose terms overlap.
-- Work items keep naming their contract, so the code alone never has to say which contract it means.
alter table contracts.service_line drop constraint service_line_pkey;
alter table contracts.service_line add primary key (client_id, contract_id, code);
create index service_line_by_code on contracts.service_line (client_id, code);

comment on column contracts.contract.ends_on is 'the last day of the term, in the client''s time zone; null while open-ended';
