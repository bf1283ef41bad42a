package org.openbpo.billing;

/** What an invoice line charges or credits. The first five are a service line's fees. */
public enum LineKind {
    USAGE,
    PREPAID_FEE,
    MONTHLY_FEE,
    FTE_FEE,
    MINIMUM_TOP_UP,
    ONE_OFF_FEE,
    SERVICE_CREDIT,
    CORRECTION,
    /** Gives back an earlier month's service credit because a later month beat the target. */
    EARN_BACK;

    public boolean isFee() {
        return ordinal() <= MINIMUM_TOP_UP.ordinal();
    }
}
