package org.openbpo.quality;

import org.junit.jupiter.api.Test;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.work.WorkStatistics;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How a KPI is worked out from the month's figures per priority. */
class ScorecardKpiTest {

    /**
     * Each priority's average handle time is taken over its items with handle time recorded, so the
     * line's average weighs it by those items, not by every item completed.
     */
    @Test
    void averageHandleTimeWeighsEachPriorityByTheItemsItWasTakenOver() {
        KpiTarget target = new KpiTarget("support", Kpi.AVERAGE_HANDLE_TIME, new BigDecimal("6"));
        List<WorkStatistics.Completed> month = List.of(
                // 10 urgent items completed, 1 with handle time: 10 minutes
                new WorkStatistics.Completed("support", Priority.HIGH, 10, 10, 9, 0, 1, 600.0),
                // 10 normal items completed, all with handle time: 1 minute on average
                new WorkStatistics.Completed("support", Priority.NORMAL, 10, 10, 10, 0, 10, 60.0),
                // none handled: no average to weigh
                new WorkStatistics.Completed("support", Priority.LOW, 5, 5, 5, 0, 0, null));

        KpiResult result = Scorecards.result(target, "in May", month, null, null, null);

        // (600 + 10 × 60) / 11 = 109.1 s = 1.8 minutes; weighing by items completed gave (6,000 + 600) / 20 = 5.5
        assertThat(result.measured()).isEqualByComparingTo("1.8");
        assertThat(result.met()).isTrue();
        assertThat(result.basis()).contains("11 completed items");
    }

    @Test
    void averageHandleTimeWithoutAnyHandleTimeIsNotMeasured() {
        KpiTarget target = new KpiTarget("support", Kpi.AVERAGE_HANDLE_TIME, new BigDecimal("6"));
        KpiResult result = Scorecards.result(target, "in May",
                List.of(new WorkStatistics.Completed("support", Priority.NORMAL, 4, 4, 4, 0, 0, null)), null, null, null);

        assertThat(result.measured()).isNull();
        assertThat(result.basis()).isEqualTo("no handle time recorded in the period");
    }
}
