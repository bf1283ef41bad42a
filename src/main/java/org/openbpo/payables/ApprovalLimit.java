package org.openbpo.payables;

import java.math.BigDecimal;
import java.util.UUID;

/** How much one of the client's approvers may approve on one invoice, in one currency. */
public record ApprovalLimit(UUID userId, String currency, BigDecimal maximum) {
}
