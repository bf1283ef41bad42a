package org.openbpo.payroll.domain;

/** How often an employee is paid. Which frequencies a country has is part of its rule pack. */
public enum PayFrequency {
    WEEKLY, BIWEEKLY, SEMIMONTHLY, MONTHLY, FOUR_WEEKLY, DAILY
}
