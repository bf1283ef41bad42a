package org.openbpo.billing;

/**
 * How tiers price a month's units. Graduated: each unit costs the price of the tier it falls in
 * (the first 1,000 at 2.50, the next at 2.00). Volume: every unit costs the price of the tier the
 * month's total reaches (1,500 units, all at 2.00). A flat per-unit price is one open-ended tier.
 */
public enum Pricing {
    GRADUATED,
    VOLUME
}
