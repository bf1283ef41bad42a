package org.openbpo.shared.bankfile;

import org.jspecify.annotations.Nullable;

/**
 * Who pays: the name on the account the money leaves, that account, and the identifier the bank
 * gave the originator (NACHA company identification, BACS service user number, or a SEPA
 * initiating party id); the bank's name goes into NACHA's file header.
 */
public record Originator(String name, BankAccount account, String identifier, @Nullable String bankName) {

    public Originator {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("The originator needs a name");
        }
        identifier = identifier == null ? "" : identifier.strip();
    }
}
