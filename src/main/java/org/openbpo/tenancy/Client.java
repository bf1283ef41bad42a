package org.openbpo.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/** A company that outsources work to the provider: the tenant every client-owned row belongs to. */
public record Client(UUID id, String code, String name, String legalEntity, String country,
                     ZoneId timeZone, Currency currency, ClientStatus status, Instant createdAt) {
}
