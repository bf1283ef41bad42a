package org.openbpo.shared.bankfile;

import org.openbpo.shared.money.Money;

import java.util.Objects;

/** One payment to make: who, into which account, how much, and the reference the payee sees. */
public record BankPayment(String payeeName, BankAccount account, Money amount, String reference) {

    public BankPayment {
        Objects.requireNonNull(account, "account");
        if (payeeName == null || payeeName.isBlank()) {
            throw new IllegalArgumentException("A payment needs the payee's name");
        }
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("A payment is of a positive amount, not " + amount);
        }
        reference = reference == null ? "" : reference.strip();
    }
}
