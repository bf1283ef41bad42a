package org.openbpo.quality;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Kpi;

/** The figures of a scorecard whose work items can be listed. */
public enum ScorecardFigure {
    SLA, HANDLE_TIME, BACKLOG, PENDING_CLIENT, ACCURACY, CSAT;

    /** The figure behind a KPI's measured value; null where OpenBPO does not measure the KPI yet. */
    public static @Nullable ScorecardFigure of(Kpi kpi) {
        return switch (kpi) {
            case SLA_ATTAINMENT -> SLA;
            case ACCURACY -> ACCURACY;
            case CSAT -> CSAT;
            case AVERAGE_HANDLE_TIME -> HANDLE_TIME;
            case BACKLOG_AGE -> BACKLOG;
            case FIRST_CONTACT_RESOLUTION, CUT_OFF_ADHERENCE -> null;
        };
    }
}
