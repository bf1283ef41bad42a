/**
 * Accounts payable run as a service for each client: vendors and their bank details (changed only
 * with a second person's approval), invoice capture by hand, from CSV/XLSX and from UBL/PEPPOL
 * e-invoices, two- and three-way matching, exceptions and approvals as work items, payment
 * proposals and runs that write bank files, aging and the cash requirement forecast.
 */
@org.jspecify.annotations.NullMarked
package org.openbpo.payables;
