package org.openbpo.quality;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkStatistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A contract's KPI results for one month, with the work figures behind them, the time work waited
 * on the client, and the service credits the misses cost. Live until signed off; frozen after.
 */
public record Scorecard(UUID clientId, UUID contractId, String contractReference, int contractVersion, YearMonth period,
                        List<KpiResult> results, List<WorkStatistics.Completed> completed,
                        List<WorkStatistics.Backlog> backlog, List<SlaByPriority> slaByPriority,
                        List<WorkBehindFigures.PendingClient> pendingClient, List<LineCredit> credits,
                        @Nullable Instant signedOffAt, @Nullable String signedOffBy) {

    public boolean signedOff() {
        return signedOffAt != null;
    }

    /** What billing is told: per line the capped credit, and each earn-back as a negative percentage. */
    public List<CreditOwed> owed() {
        List<CreditOwed> owed = new ArrayList<>();
        for (LineCredit line : credits) {
            if (line.totalPercent().signum() > 0) {
                owed.add(new CreditOwed(line.serviceLine(), line.totalPercent(), line.explanation()));
            }
            for (LineCredit.EarnBack back : line.earnBacks()) {
                owed.add(new CreditOwed(line.serviceLine(), back.percent().negate(), back.reason(), YearMonth.parse(back.creditPeriod())));
            }
        }
        return List.copyOf(owed);
    }

    /** The card as {@code viewer} may read it: a client's people see when it was signed off, and by the service team, not by whom. */
    public Scorecard seenBy(CurrentUser viewer) {
        if (viewer.providerStaff() || signedOffBy == null) {
            return this;
        }
        return new Scorecard(clientId, contractId, contractReference, contractVersion, period, results, completed, backlog,
                slaByPriority, pendingClient, credits, signedOffAt, CurrentUser.SERVICE_TEAM);
    }

    Scorecard signed(Instant at, String by) {
        return new Scorecard(clientId, contractId, contractReference, contractVersion, period, results, completed, backlog,
                slaByPriority, pendingClient, credits, at, by);
    }

    public BigDecimal totalPercent(String serviceLine) {
        return credits.stream().filter(c -> c.serviceLine().equals(serviceLine)).map(LineCredit::totalPercent).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
