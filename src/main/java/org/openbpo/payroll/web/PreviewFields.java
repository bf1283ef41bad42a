package org.openbpo.payroll.web;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.money.Decimals;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Reads the fields of a preview request, refusing bad values with the exact field named (422). */
final class PreviewFields {

    /** Far above any pay, far below what would make arithmetic slow. */
    private static final BigDecimal LARGEST = new BigDecimal("1000000000000");

    private final Currency currency;

    PreviewFields(Currency currency) {
        this.currency = currency;
    }

    static <T> T required(String field, @Nullable T value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw BusinessRuleViolation.invalid(field, field + " is required");
        }
        return value;
    }

    static <E extends Enum<E>> E choice(String field, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid(field, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static void notApplicable(String field, @Nullable Object value, String country) {
        if (value != null) {
            throw BusinessRuleViolation.invalid(field, field + " does not apply to " + country);
        }
    }

    Money money(String field, String text) {
        BigDecimal amount;
        try {
            amount = Decimals.parse(text.strip());
        } catch (NumberFormatException e) {
            throw BusinessRuleViolation.invalid(field, "'" + text + "' is not a decimal amount");
        }
        if (amount.signum() < 0) {
            throw BusinessRuleViolation.invalid(field, field + " cannot be negative");
        }
        if (amount.compareTo(LARGEST) >= 0) {
            throw BusinessRuleViolation.invalid(field, field + " is too large");
        }
        if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw BusinessRuleViolation.invalid(field, field + " has more than " + currency.getDefaultFractionDigits()
                    + " decimals for " + currency);
        }
        return Money.of(amount, currency);
    }

    Money money(String field, @Nullable String text, String otherwise) {
        return money(field, text == null || text.isBlank() ? otherwise : text);
    }

    @Nullable Money optionalMoney(String field, @Nullable String text) {
        return text == null || text.isBlank() ? null : money(field, text);
    }

    /** A figure two fields may carry (e.g. toDate.tax and employee.tdsToDate): either, or both if they agree. */
    Money eitherOf(String field, @Nullable String text, String otherField, @Nullable String otherText) {
        Money one = optionalMoney(field, text);
        Money other = optionalMoney(otherField, otherText);
        if (one != null && other != null && !one.equals(other)) {
            throw BusinessRuleViolation.invalid(field, field + " (" + one.toPlainString() + ") differs from " + otherField
                    + " (" + other.toPlainString() + "); send one of them");
        }
        return one != null ? one : other != null ? other : Money.zero(currency);
    }
}
