package org.openbpo.contracts;

/** The measures a contract sets targets for; each knows whether more is better. */
public enum Kpi {
    SLA_ATTAINMENT(true), ACCURACY(true), CSAT(true), FIRST_CONTACT_RESOLUTION(true),
    AVERAGE_HANDLE_TIME(false), BACKLOG_AGE(false), CUT_OFF_ADHERENCE(true);

    private final boolean higherIsBetter;

    Kpi(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }
}
