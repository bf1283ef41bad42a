package org.openbpo.billing;

import java.time.Instant;
import java.util.UUID;

/** Who at the client receives its invoices and credit notes by e-mail. */
public record BillingContact(UUID clientId, String email, String name, Instant updatedAt, String updatedBy) {
}
