package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** A requested change of a vendor's bank details, masked, and who asked and who decided. */
public record BankChange(UUID id, UUID vendorId, String scheme, String account, String status, String requestedBy,
                         Instant requestedAt, @Nullable String decidedBy, @Nullable Instant decidedAt) {
}
