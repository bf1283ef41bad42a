package org.openbpo.payables.domain;

import java.util.regex.Pattern;

/**
 * The key that finds the same invoice number however the vendor or a clerk typed it. The database
 * computes the same key as {@code payables.invoice_number_key} (migration V10_4), which recomputed
 * the stored keys: a change here needs a migration that changes both.
 */
public final class InvoiceNumbers {

    private static final Pattern LEADING_ZEROS = Pattern.compile("(?<![0-9])0+(?=[0-9])");
    private static final Pattern SEPARATORS = Pattern.compile("[^A-Z0-9]+");
    private static final Pattern BETWEEN_NUMBERS = Pattern.compile("(?<=[0-9]) (?=[0-9])");

    private InvoiceNumbers() {
    }

    /**
     * Upper case, leading zeros of each number in it dropped, and spaces and punctuation dropped
     * except where they part two numbers, which keep one dash: INV-0042, inv 42 and INV42 are one;
     * 1/12, 1-12 and 01 012 are one, but 11/2 and 112 are others. Only ASCII letters and digits count,
     * so that the database computes the same key whatever its locale; any other character separates.
     */
    public static String key(String number) {
        // Leading zeros go per number in it (2026/001 is 2026/1), before the separators do.
        String unpadded = LEADING_ZEROS.matcher(asciiUpperCase(number)).replaceAll("");
        String spaced = SEPARATORS.matcher(unpadded).replaceAll(" ");
        String key = BETWEEN_NUMBERS.matcher(spaced).replaceAll("-").replace(" ", "");
        return key.isEmpty() ? "0" : key;
    }

    private static String asciiUpperCase(String number) {
        StringBuilder upper = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            upper.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return upper.toString();
    }
}
