package org.openbpo.quality;

import org.openbpo.work.WorkStatistics;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** A contract's KPI results for one month, with the work figures behind them. */
public record Scorecard(UUID clientId, UUID contractId, String contractReference, int contractVersion, YearMonth period,
                        List<KpiResult> results, List<WorkStatistics.Completed> completed,
                        List<WorkStatistics.Backlog> backlog) {
}
