package org.openbpo.shared.bankfile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Payments from one originator on one day, in one currency: what a bank file holds.
 * {@code description} is the batch's purpose as the payee's statement shows it ("PAYABLES",
 * "PAYROLL"); {@code reference} identifies the file (at most 35 characters, unique per originator).
 */
public record PaymentBatch(Originator originator, LocalDate executionDate, String reference, String description,
                           Instant createdAt, List<BankPayment> payments) {

    public PaymentBatch {
        payments = List.copyOf(payments);
        if (payments.isEmpty()) {
            throw new IllegalArgumentException("A payment batch needs at least one payment");
        }
        if (reference == null || reference.isBlank() || reference.length() > 35) {
            throw new IllegalArgumentException("A batch reference is 1 to 35 characters");
        }
        var currency = payments.getFirst().amount().currency();
        if (payments.stream().anyMatch(p -> !p.amount().currency().equals(currency))) {
            throw new IllegalArgumentException("A payment batch is in one currency");
        }
    }

    public java.util.Currency currency() {
        return payments.getFirst().amount().currency();
    }
}
