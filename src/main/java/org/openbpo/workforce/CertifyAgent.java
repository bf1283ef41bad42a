package org.openbpo.workforce;

import jakarta.validation.constraints.NotNull;

import java.util.UUID;

/** Records that a client has signed an agent off to handle its work. */
public record CertifyAgent(@NotNull UUID clientId) {
}
