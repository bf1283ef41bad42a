-- The tax rate a purchase order line's goods bear, in percent (20 for 20% VAT). An invoice matching
-- its order is approved by it only when its tax is what its lines imply at these rates; a line
-- without a rate (every line ordered before) implies no tax, so a taxed invoice goes to a person.
alter table payables.po_line add column tax_percent numeric(7, 4) check (tax_percent between 0 and 100);
