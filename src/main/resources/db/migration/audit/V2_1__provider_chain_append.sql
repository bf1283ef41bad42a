-- Anyone acting for the provider may append to the provider's own chain (staff limited to some
-- clients change their presence or issue tokens too); only the provider-wide scope reads it.
drop policy record_isolation on audit.record;
create policy record_read on audit.record for select
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
create policy record_append on audit.record for insert
    with check ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[])
                or client_id = '00000000-0000-0000-0000-000000000000'::uuid);
-- Only audit.seal() (running as the owner) updates records, to write their chain links; the
-- application role has no UPDATE grant at all.
create policy record_seal on audit.record for update
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
