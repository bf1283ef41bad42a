package org.openbpo.web.ui;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/** Ledger amounts (minor units) as a reader expects them on the books page, with the currency's decimals. */
public record BookAmounts() {

    public String of(long minorUnits, String currency) {
        int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        return String.format(Locale.UK, "%,." + digits + "f", BigDecimal.valueOf(minorUnits, digits));
    }

    /** Debit and credit columns show nothing rather than a zero. */
    public String orBlank(long minorUnits, String currency) {
        return minorUnits == 0 ? "" : of(minorUnits, currency);
    }
}
