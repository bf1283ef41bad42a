package org.openbpo.payroll.domain;

import java.util.Objects;

/** One pay period of a tax year: its frequency and its number in the year (1 for the first). */
public record PayPeriod(PayFrequency frequency, int number) {

    public PayPeriod {
        Objects.requireNonNull(frequency, "frequency");
        if (number < 1) {
            throw new IllegalArgumentException("A pay period is numbered from 1, not " + number);
        }
    }
}
