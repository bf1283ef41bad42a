package org.openbpo.support;

/** The answer to handing in a message: what became of it, and whether we had it already. */
public record IntakeOutcome(InboundMessage message, boolean duplicate) {
}
