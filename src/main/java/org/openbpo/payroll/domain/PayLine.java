package org.openbpo.payroll.domain;

import org.openbpo.shared.money.Money;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One deduction or employer contribution: its stable code, the amount, the base it was charged on,
 * the rule or table row applied, and the workings that let anyone check it by hand.
 */
public record PayLine(String code, Money amount, Money base, String rule, Workings workings) {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z_]*");

    public PayLine {
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A pay line code is UPPER_SNAKE_CASE, not '" + code + "'");
        }
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(workings, "workings");
        if (!amount.currency().equals(base.currency())) {
            throw new IllegalArgumentException("A pay line's amount and base are in one currency");
        }
        if (rule.isBlank()) {
            throw new IllegalArgumentException("A pay line names the rule it applied");
        }
    }
}
