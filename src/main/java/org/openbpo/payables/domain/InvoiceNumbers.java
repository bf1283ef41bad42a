package org.openbpo.payables.domain;

import java.util.Locale;

/** The key that finds the same invoice number however the vendor or a clerk typed it. */
public final class InvoiceNumbers {

    private InvoiceNumbers() {
    }

    /** Upper case, letters and digits only, leading zeros of each number in it dropped: INV-0042, inv 42 and INV42 are one. */
    public static String key(String number) {
        // Leading zeros go per number in it (2026/001 is 2026/1), before the separators do.
        String unpadded = number.toUpperCase(Locale.ROOT).replaceAll("(?<![0-9])0+(?=[0-9])", "");
        String key = unpadded.replaceAll("[^A-Z0-9]", "");
        return key.isEmpty() ? "0" : key;
    }
}
