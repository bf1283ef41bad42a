package org.openbpo.payroll.domain.unitedkingdom;

/** Whose income-tax rates apply, from the tax code's prefix (reference 2.2, 2.3). */
public enum TaxRegime {
    /** England and Northern Ireland: no prefix. */
    RUK(""),
    /** Welsh rates: prefix C. */
    WALES("C"),
    /** Scottish rates: prefix S. */
    SCOTLAND("S");

    private final String prefix;

    TaxRegime(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    static TaxRegime ofPrefix(String prefix) {
        for (TaxRegime regime : values()) {
            if (regime.prefix.equals(prefix)) {
                return regime;
            }
        }
        throw new IllegalArgumentException("No tax regime has the prefix " + prefix);
    }
}
