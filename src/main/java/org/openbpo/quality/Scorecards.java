package org.openbpo.quality;

import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.WorkStatistics;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Scores a contract for a month against its KPI targets, from what the work engine measured in the
 * client's own month (its time zone). Measures OpenBPO does not record yet are shown as such.
 */
@Service
public class Scorecards {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Contracts contracts;
    private final Clients clients;
    private final WorkStatistics statistics;

    Scorecards(Contracts contracts, Clients clients, WorkStatistics statistics) {
        this.contracts = contracts;
        this.clients = clients;
        this.statistics = statistics;
    }

    @Transactional(readOnly = true)
    public Scorecard score(UUID clientId, UUID contractId, YearMonth period) {
        Client client = clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        Instant from = period.atDay(1).atStartOfDay(client.timeZone()).toInstant();
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay(client.timeZone()).toInstant();
        List<WorkStatistics.Completed> completed = statistics.completed(clientId, from, to);
        List<WorkStatistics.Backlog> backlog = statistics.backlog(clientId, to);
        List<KpiResult> results = new ArrayList<>();
        for (KpiTarget target : contract.kpiTargets()) {
            results.add(result(target, completed.stream().filter(c -> c.serviceLine().equals(target.serviceLine())).toList(),
                    backlog.stream().filter(b -> b.serviceLine().equals(target.serviceLine())).findFirst().orElse(null)));
        }
        return new Scorecard(clientId, contractId, contract.reference(), contract.version(), period, results, completed, backlog);
    }

    private static KpiResult result(KpiTarget target, List<WorkStatistics.Completed> completed, WorkStatistics.Backlog backlog) {
        return switch (target.kpi()) {
            case SLA_ATTAINMENT -> {
                long withSla = completed.stream().mapToLong(WorkStatistics.Completed::withSla).sum();
                long met = completed.stream().mapToLong(WorkStatistics.Completed::slaMet).sum();
                long paused = completed.stream().mapToLong(WorkStatistics.Completed::everPaused).sum();
                yield withSla == 0 ? unmeasured(target, "no completed work with an SLA in the period")
                        : measured(target, percent(met, withSla), met + " of " + withSla + " completed items met their SLA ("
                        + paused + " were paused waiting on the client or a third party; that time is not counted)");
            }
            case BACKLOG_AGE -> backlog == null || backlog.open() == 0 ? measured(target, BigDecimal.ZERO, "no open work at month end")
                    : measured(target, BigDecimal.valueOf(backlog.averageAgeHours()).setScale(1, RoundingMode.HALF_UP),
                    "average age in hours of " + backlog.open() + " items open at month end");
            case AVERAGE_HANDLE_TIME -> {
                double seconds = completed.stream().filter(c -> c.averageHandleSeconds() != null)
                        .mapToDouble(c -> c.averageHandleSeconds() * c.completed()).sum();
                long items = completed.stream().filter(c -> c.averageHandleSeconds() != null).mapToLong(WorkStatistics.Completed::completed).sum();
                yield items == 0 ? unmeasured(target, "no handle time recorded in the period")
                        : measured(target, BigDecimal.valueOf(seconds / items / 60).setScale(1, RoundingMode.HALF_UP),
                        "average minutes agents held each of " + items + " completed items");
            }
            case ACCURACY, CSAT, FIRST_CONTACT_RESOLUTION, CUT_OFF_ADHERENCE ->
                    unmeasured(target, "not measured by OpenBPO yet (QA evaluations, surveys and payroll cut-offs come later)");
        };
    }

    private static KpiResult measured(KpiTarget target, BigDecimal value, String basis) {
        boolean met = target.kpi().higherIsBetter() ? value.compareTo(target.target()) >= 0 : value.compareTo(target.target()) <= 0;
        return new KpiResult(target.serviceLine(), target.kpi(), target.target(), value, met, basis);
    }

    private static KpiResult unmeasured(KpiTarget target, String why) {
        return new KpiResult(target.serviceLine(), target.kpi(), target.target(), null, null, why);
    }

    /** Percentages to two decimals, half up, as scorecards print them. */
    private static BigDecimal percent(long part, long whole) {
        return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
