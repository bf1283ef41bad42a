-- The analysts a calibration session was put before; only they score it, and the spread shows once
-- all of them have (or when the session's owner reveals it early).
create table quality.calibration_analyst (
    client_id      uuid not null references tenancy.client (id),
    calibration_id uuid not null,
    analyst_id     uuid not null,
    primary key (client_id, calibration_id, analyst_id),
    foreign key (client_id, calibration_id) references quality.calibration (client_id, id)
);
alter table quality.calibration_analyst enable row level security;
alter table quality.calibration_analyst force row level security;
create policy calibration_analyst_isolation on quality.calibration_analyst
    using ((select tenancy.all_clients()) or client_id = any ((select tenancy.allowed_clients())::uuid[]));
grant select, insert on quality.calibration_analyst to openbpo_app;

alter table quality.calibration add column revealed_at timestamptz, add column revealed_by text;
grant update (revealed_at, revealed_by) on quality.calibration to openbpo_app;
create index calibration_recent on quality.calibration (client_id, created_at desc);
