-- An Idempotency-Key is claimed by inserting its row before the request runs (status 0, no body
-- yet: the row is never seen so, since claim and answer commit together) and the answer is then
-- written into it, so the application updates these rows.
grant update on tenancy.idempotent_request to openbpo_app;
