-- A message the database failed to read (a serialization failure, a lost connection) stays RECEIVED
-- and is read again after a growing pause; after eight attempts it is settled REJECTED with the reason.
alter table payables.inbound_mail
    add column read_attempts int not null default 0,
    add column next_read_at  timestamptz;
