package org.openbpo.payroll.domain.unitedkingdom;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PAYE tax code as HMRC issues it (reference 2.3): {@code [S|C]? (BR|D\d|NT|K\d+|\d+[LMNT]) [W1|M1|X]?}.
 * Suffix codes (L, M, N, T, including 0T) give free pay; K codes give additional pay; BR and D codes
 * tax all pay at one rate; NT taxes nothing. W1, M1 and X put the code on the non-cumulative basis.
 */
public record TaxCode(String text, TaxRegime regime, Kind kind, int number, boolean nonCumulative) {

    public enum Kind {
        /** Number then L, M, N or T: free pay. */
        FREE_PAY,
        /** K then number: additional pay. */
        ADDITIONAL_PAY,
        /** BR: basic rate on all pay. */
        BASIC_RATE,
        /** D then a digit: a higher rate on all pay; the number is the digit. */
        HIGHER_RATE,
        /** NT: no tax. */
        NO_TAX
    }

    // Spec v24 section 3.3.2 allows codes of up to 7 characters, e.g. 999999T (reference 2.3).
    private static final Pattern FORMAT = Pattern.compile("([SC]?)(BR|D(\\d)|NT|K(\\d{1,6})|(\\d{1,6})[LMNT])(W1|M1|X)?");

    public TaxCode {
        if (number < 0 || (kind == Kind.ADDITIONAL_PAY && number == 0)) {
            throw new IllegalArgumentException("Tax code " + text + " has no valid number");
        }
    }

    /** Reads a code written with or without spaces, in any case: "1257L", "S1257L M1", "k475", "C BR". */
    public static TaxCode parse(String written) {
        String text = written.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        Matcher code = FORMAT.matcher(text);
        if (!code.matches()) {
            throw new IllegalArgumentException("'" + written + "' is not a PAYE tax code");
        }
        TaxRegime regime = TaxRegime.ofPrefix(code.group(1));
        boolean nonCumulative = code.group(6) != null;
        String body = code.group(2);
        if (body.equals("BR")) {
            return new TaxCode(text, regime, Kind.BASIC_RATE, 0, nonCumulative);
        }
        if (body.equals("NT")) {
            return new TaxCode(text, regime, Kind.NO_TAX, 0, nonCumulative);
        }
        if (code.group(3) != null) {
            return new TaxCode(text, regime, Kind.HIGHER_RATE, Integer.parseInt(code.group(3)), nonCumulative);
        }
        if (code.group(4) != null) {
            int number = Integer.parseInt(code.group(4));
            if (number == 0) {
                throw new IllegalArgumentException("'" + written + "': K codes run from K1");
            }
            return new TaxCode(text, regime, Kind.ADDITIONAL_PAY, number, nonCumulative);
        }
        return new TaxCode(text, regime, Kind.FREE_PAY, Integer.parseInt(code.group(5)), nonCumulative);
    }
}
