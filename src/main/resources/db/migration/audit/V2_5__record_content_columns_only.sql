-- The application writes a record's content; where the record stands (txid, the transaction that
-- wrote it) and the links of the legacy chain (chain_seq, prev_hash, hash) are the database's to fill.
-- With INSERT on every column the application role could give a record a forged txid and so place it
-- inside sealed history, or links it never earned. The audit writer (AuditRecords, CarriedRecord)
-- names only the content columns; id is generated always and txid defaults to the writing transaction.
revoke insert on audit.record from openbpo_app;
grant insert (client_id, recorded_at, actor, action, entity_type, entity_id, before, after)
    on audit.record to openbpo_app;
