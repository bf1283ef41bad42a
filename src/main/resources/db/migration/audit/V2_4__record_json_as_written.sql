-- A record's before and after are kept as the JSON text the application wrote (json), not parsed
-- into jsonb: the trail stores what it was given, verbatim, and neither the insert (parsing and
-- building the binary form) nor sealing and verifying (printing it back to text for the hash) pay
-- for a form nobody queries. Records linked one by one before blocks keep their hashes: a jsonb value
-- turned into json reads as the same text, which is what their links cover.
alter table audit.record
    alter column before type json using before::json,
    alter column after type json using after::json;
