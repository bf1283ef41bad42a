package org.openbpo.billing;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** The provider's outgoing mail server and the billing address invoices are sent from (never the password). */
public record BillingMailServer(String host, int port, MailSecurity security, @Nullable String username, boolean hasPassword,
                                String fromAddress, String fromName, Instant updatedAt, String updatedBy) {
}
