-- Whether the client's own people set up the AP mailbox: then OpenBPO connects to its server only
-- while the server is on a public address, checked again before every fetch (a name can be made to
-- point elsewhere later). A mailbox the provider's staff set up may be on any server.
alter table payables.mailbox add column set_up_by_client boolean not null default true;

-- Mailboxes set up before: by the client unless the person who last saved it is the provider's staff
-- (a user of no client). Any other (a name no user has now) stays checked.
do $$ begin perform set_config('openbpo.clients', '*', true); end $$;
update payables.mailbox m set set_up_by_client = false
 where exists (select from tenancy.app_user u where lower(u.email) = lower(m.updated_by) and u.client_id is null);
