package org.openbpo.payables;

import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.bankfile.BankAccount;
import org.openbpo.shared.error.BusinessRuleViolation;

/**
 * Bank details as entered: an IBAN (and BIC), a UK sort code and account number, or a US
 * routing and account number (savings or checking).
 */
public record BankDetails(@NotNull Scheme scheme, @Nullable String iban, @Nullable String bic, @Nullable String sortCode,
                          @Nullable String routingNumber, @Nullable String accountNumber, @Nullable Boolean savings) {

    public enum Scheme { IBAN, UK, US }

    /** The account, checked by its scheme's rules (check digits, lengths). */
    public BankAccount account() {
        return switch (scheme) {
            case IBAN -> new BankAccount.Iban(required("iban", iban), bic);
            case UK -> new BankAccount.UkAccount(required("sortCode", sortCode), required("accountNumber", accountNumber));
            case US -> new BankAccount.UsAccount(required("routingNumber", routingNumber), required("accountNumber", accountNumber),
                    Boolean.TRUE.equals(savings));
        };
    }

    private static String required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw BusinessRuleViolation.invalid(field, "is required for these bank details");
        }
        return value;
    }
}
