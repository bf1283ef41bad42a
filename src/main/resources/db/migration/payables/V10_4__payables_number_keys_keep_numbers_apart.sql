-- Invoice and credit note number keys keep apart the numbers in them: the key dropped every
-- separator, so a vendor's 1/12 and 11/2 were both 112, one refused as a duplicate of the other.
-- Now a separator between two numbers stays, as one dash (1/12 is 1-12, 11/2 is 11-2); case, spaces,
-- punctuation elsewhere and leading zeros still do not count (INV-0042, inv 42 and INV42 are INV42).

-- The key in SQL, exactly as InvoiceNumbers.key computes it in Java (a test compares them): ASCII
-- letters upper-cased, leading zeros of each number dropped, every run of other characters one
-- separator, kept as a dash between two digits and dropped elsewhere. Running the migration again
-- (the test does) changes nothing that is already right.
create or replace function payables.invoice_number_key(number text) returns text
    language sql immutable strict parallel safe
as $$
select coalesce(nullif(
           replace(
               regexp_replace(
                   regexp_replace(
                       regexp_replace(translate(number, 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') collate "C",
                                      '(?<![0-9])0+(?=[0-9])', '', 'g'),
                       '[^A-Z0-9]+', ' ', 'g'),
                   '(?<=[0-9]) (?=[0-9])', '-', 'g'),
               ' ', ''),
           ''), '0')
$$;
grant execute on function payables.invoice_number_key(text) to openbpo_app;

-- Every client's rows (the policies let the migration see them all once it says so).
do $$ begin perform set_config('openbpo.clients', '*', true); end $$;

-- Why the unique keys (client, vendor, key) cannot fail here: for a number of ASCII characters the
-- new key is the old one with dashes put in, so two keys that differed before still differ, and a
-- new key either equals the row's old key or has a dash, which no old key has. Only characters the
-- old key upper-cased into ASCII letters (ß into SS, ı into I, ligatures) could make two rows meet
-- or a new key equal another row's old one; such a row keeps its old key. A row takes its new key
-- only when no other row of the vendor has it, old or new, so no order of updating ever meets a
-- key twice.
with recomputed as (
    select client_id, id, vendor_id, number_key, payables.invoice_number_key(number) as new_key,
           count(*) over (partition by client_id, vendor_id, payables.invoice_number_key(number)) as sharing
      from payables.invoice)
update payables.invoice i set number_key = r.new_key
  from recomputed r
 where i.client_id = r.client_id and i.id = r.id and r.new_key <> r.number_key and r.sharing = 1
   and not exists (select from payables.invoice o
                    where o.client_id = r.client_id and o.vendor_id = r.vendor_id and o.number_key = r.new_key);

with recomputed as (
    select client_id, id, vendor_id, number_key, payables.invoice_number_key(number) as new_key,
           count(*) over (partition by client_id, vendor_id, payables.invoice_number_key(number)) as sharing
      from payables.credit_note)
update payables.credit_note n set number_key = r.new_key
  from recomputed r
 where n.client_id = r.client_id and n.id = r.id and r.new_key <> r.number_key and r.sharing = 1
   and not exists (select from payables.credit_note o
                    where o.client_id = r.client_id and o.vendor_id = r.vendor_id and o.number_key = r.new_key);
