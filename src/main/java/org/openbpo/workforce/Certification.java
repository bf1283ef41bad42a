package org.openbpo.workforce;

import java.time.Instant;
import java.util.UUID;

/** A client's sign-off of one agent. Client-owned: only those who may see the client see it. */
public record Certification(UUID clientId, UUID agentUserId, Instant certifiedAt) {
}
