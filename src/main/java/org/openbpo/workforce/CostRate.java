package org.openbpo.workforce;

import org.openbpo.shared.error.BusinessRuleViolation;

import java.util.Currency;

/** What one agent hour at a centre costs the provider, in integer minor units (cents, centavos). */
public record CostRate(long amountMinor, Currency currency) {

    public CostRate {
        if (amountMinor < 0) {
            throw BusinessRuleViolation.invalid("costPerAgentHourMinor", "must not be negative");
        }
    }
}
