/** Fetching clients' AP mailboxes by IMAP: leases through the database, UID places, batches. */
@org.jspecify.annotations.NullMarked
package org.openbpo.payables.mail;
