-- An Idempotency-Key's answer is now stored by one insert at the end of its request's transaction
-- (the key's unique index settles duplicates), so the application no longer updates these rows.
revoke update on tenancy.idempotent_request from openbpo_app;
