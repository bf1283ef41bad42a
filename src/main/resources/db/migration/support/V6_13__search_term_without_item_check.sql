-- A ticket's words are written only by the trigger that fires on the ticket's own insert or edit,
-- so the ticket always exists; tickets are never deleted. The foreign key checked that again for
-- every word — twenty-odd lookups and row locks on work.work_item per ticket, a large share of the
-- cost of raising a ticket — and is dropped. client_id stays in the key and under the policy.
alter table support.search_term drop constraint search_term_client_id_item_id_fkey;
