package org.openbpo.payroll.domain;

import java.util.Currency;

/** A country whose payroll OpenBPO calculates, with the currency its employees are paid in. */
public enum Country {
    US("USD"), GB("GBP"), IN("INR"), PH("PHP");

    private final Currency currency;

    Country(String currency) {
        this.currency = Currency.getInstance(currency);
    }

    public Currency currency() {
        return currency;
    }
}
