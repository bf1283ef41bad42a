package org.openbpo.quality;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.KpiTarget;
import org.openbpo.contracts.Priority;
import org.openbpo.quality.domain.CreditCalculation;
import org.openbpo.quality.persistence.CsatRows;
import org.openbpo.quality.persistence.EvaluationRows;
import org.openbpo.quality.persistence.SignOffRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkBehindFigures;
import org.openbpo.work.WorkStatistics;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Scores a contract for a month against its KPI targets, from what the work engine measured in the
 * client's own month (its time zone), what QA found and what customers answered; prices the misses
 * by the contract's credit rules; and freezes the month when the provider signs it off.
 */
@Service
public class Scorecards {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int DRILL_LIMIT = 500;

    private final Contracts contracts;
    private final Clients clients;
    private final WorkStatistics statistics;
    private final CompletedWork completedWork;
    private final WorkBehindFigures behind;
    private final EvaluationRows evaluations;
    private final CsatRows csat;
    private final CreditRules creditRules;
    private final SignOffRows signOffs;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectMapper json;
    private final Clock clock;

    Scorecards(Contracts contracts, Clients clients, WorkStatistics statistics, CompletedWork completedWork, WorkBehindFigures behind,
               EvaluationRows evaluations, CsatRows csat, CreditRules creditRules, SignOffRows signOffs, AuditTrail audit,
               ApplicationEventPublisher events, ObjectMapper json, Clock clock) {
        this.contracts = contracts;
        this.clients = clients;
        this.statistics = statistics;
        this.completedWork = completedWork;
        this.behind = behind;
        this.evaluations = evaluations;
        this.csat = csat;
        this.creditRules = creditRules;
        this.signOffs = signOffs;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
    }

    /** The month's scorecard: the frozen one once signed off, else computed now. */
    @Transactional(readOnly = true)
    public Scorecard score(UUID clientId, UUID contractId, YearMonth period) {
        Client client = clients.get(clientId);
        contracts.get(clientId, contractId);
        Optional<String> frozen = signOffs.snapshot(clientId, contractId, period);
        return frozen.map(snapshot -> json.readValue(snapshot, Scorecard.class)).orElseGet(() -> live(client, contractId, period));
    }

    /** The month the client is in now, in its time zone. */
    @Transactional(readOnly = true)
    public YearMonth currentPeriod(UUID clientId) {
        return YearMonth.from(clock.instant().atZone(clients.get(clientId).timeZone()));
    }

    @Transactional(readOnly = true)
    public List<YearMonth> signedOff(UUID clientId, UUID contractId) {
        clients.get(clientId);
        contracts.get(clientId, contractId);
        return signOffs.signedOff(clientId, contractId);
    }

    @Transactional
    public Scorecard signOff(UUID clientId, UUID contractId, YearMonth period, CurrentUser by) {
        Client client = clients.get(clientId);
        contracts.get(clientId, contractId);
        QaRoles.requireManager(by, "sign off scorecards");
        Instant now = clock.instant();
        if (now.isBefore(end(client, period))) {
            throw BusinessRuleViolation.conflict("period-not-ended", period + " has not ended for " + client.name()
                    + " yet; a month is signed off once all its work is in.");
        }
        if (signOffs.snapshot(clientId, contractId, period).isPresent()) {
            throw BusinessRuleViolation.conflict("already-signed-off", period + " is signed off already; its scorecard is frozen.");
        }
        // Two months signed off at once may both have beaten a target with the same open credit: each takes the
        // contract's open credits first, so the second sees what the first earned back and scores as if it came after.
        signOffs.lockOpen(clientId, contractId);
        Scorecard signed = live(client, contractId, period).signed(now, by.email());
        if (!signOffs.insert(clientId, contractId, period, json.writeValueAsString(signed), by.email(), now)) {
            throw BusinessRuleViolation.conflict("already-signed-off", period + " is signed off already; its scorecard is frozen.");
        }
        for (LineCredit line : signed.credits()) {
            for (KpiCredit credit : line.credits()) {
                if (credit.appliedPercent().signum() > 0) {
                    signOffs.owe(clientId, contractId, period, line.serviceLine(), credit.kpi().name(), credit.appliedPercent(), credit.reason());
                }
            }
            for (LineCredit.EarnBack back : line.earnBacks()) {
                YearMonth creditPeriod = YearMonth.parse(back.creditPeriod());
                if (!signOffs.earnBack(clientId, contractId, creditPeriod, line.serviceLine(), back.kpi(), period)) {
                    // not reached while the credits are locked above; a credit is never earned back twice
                    throw BusinessRuleViolation.conflict("credit-already-earned-back", "The " + back.kpi() + " credit of "
                            + creditPeriod + " on " + line.serviceLine() + " has been earned back already; sign " + period + " off again.");
                }
                signOffs.owe(clientId, contractId, period, line.serviceLine(), back.kpi(), back.percent().negate(), back.reason());
            }
        }
        ScorecardSignedOff event = new ScorecardSignedOff(clientId, contractId, period, signed.owed(), now);
        audit.record(clientId, "scorecard.signed-off", "scorecard", contractId + "/" + period, null,
                Map.of("credits", event.credits()));
        events.publishEvent(event);
        return signed;
    }

    /** The work items behind one figure of a service line, as the scorecard counted them. */
    @Transactional(readOnly = true)
    public FigureItems items(UUID clientId, UUID contractId, YearMonth period, ScorecardFigure figure, String serviceLine,
                             @Nullable Priority priority, @Nullable Boolean slaMet) {
        Client client = clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        if (contract.serviceLines().stream().noneMatch(l -> l.code().equals(serviceLine))) {
            throw BusinessRuleViolation.invalid("serviceLine", "the contract has no service line " + serviceLine);
        }
        Instant from = start(client, period);
        Instant to = end(client, period);
        List<WorkBehindFigures.CompletedItem> completed = List.of();
        List<WorkBehindFigures.OpenItem> open = List.of();
        List<CheckedItem> evaluated = List.of();
        List<CsatAnswer> answers = List.of();
        // As the card counts: a month's line belongs to the contract holding it on the month's last day, so the card
        // of the contract a renewal took it over from lists none of its work, and its drill-down none either.
        if (contracts.linesHeldByOthersOn(clientId, contractId, period.atEndOfMonth()).contains(serviceLine)) {
            return new FigureItems(clientId, contractId, period, figure, serviceLine, completed, open, evaluated, answers);
        }
        switch (figure) {
            case SLA -> completed = behind.completed(clientId, serviceLine, priority, slaMet, from, to, DRILL_LIMIT).stream()
                    .filter(i -> i.slaMet() != null).toList();
            case HANDLE_TIME -> completed = behind.completed(clientId, serviceLine, priority, null, from, to, DRILL_LIMIT);
            case PENDING_CLIENT -> completed = behind.completed(clientId, serviceLine, priority, null, from, to, DRILL_LIMIT).stream()
                    .filter(i -> i.pendingClientSeconds() > 0).toList();
            case BACKLOG -> open = behind.openAt(clientId, serviceLine, asOf(to), DRILL_LIMIT);
            case ACCURACY -> evaluated = evaluations.ofItemsCompleted(clientId, serviceLine, from, to, DRILL_LIMIT).stream()
                    .map(CheckedItem::of).toList();
            case CSAT -> answers = csat.responses(clientId, serviceLine, from, to, DRILL_LIMIT);
        }
        return new FigureItems(clientId, contractId, period, figure, serviceLine, completed, open, evaluated, answers);
    }

    /**
     * The month scored against the contract version in force at its end (its last moment in the client's
     * time zone): a revision made during the month governs the whole month, as a credit rule effective
     * from a month does, and one made after the month has ended never reaches back into it.
     */
    private Scorecard live(Client client, UUID contractId, YearMonth period) {
        UUID clientId = client.id();
        Instant from = start(client, period);
        Instant to = end(client, period);
        Contract contract = contracts.inForceAt(clientId, contractId, to.minus(1, ChronoUnit.MICROS));
        // A service line is scored, for the whole month, under the contract holding it on the month's last day, as the
        // terms are: in the month a renewal took a line over, its work counts once, on the renewal's card, not on both.
        Set<String> elsewhere = contracts.linesHeldByOthersOn(clientId, contractId, period.atEndOfMonth());
        // completed work from quality's read model (kept from the engine's events), not from the timelines
        List<WorkStatistics.Completed> completed = completedWork.completed(clientId, period).stream()
                .filter(c -> !elsewhere.contains(c.serviceLine())).toList();
        Instant asOf = asOf(to);
        List<WorkStatistics.Backlog> backlog = agedAt(statistics.backlog(clientId, to), to, asOf).stream()
                .filter(b -> !elsewhere.contains(b.serviceLine())).toList();
        List<EvaluationRows.LineAccuracy> accuracy = evaluations.accuracy(clientId, from, to);
        List<CsatRows.LineCsat> satisfaction = csat.byLine(clientId, from, to);
        List<KpiResult> results = new ArrayList<>();
        for (KpiTarget target : contract.kpiTargets()) {
            String line = target.serviceLine();
            if (elsewhere.contains(line)) {
                continue;
            }
            results.add(result(target, asOf.equals(to) ? "at month end" : "now", completed.stream().filter(c -> c.serviceLine().equals(line)).toList(),
                    backlog.stream().filter(b -> b.serviceLine().equals(line)).findFirst().orElse(null),
                    accuracy.stream().filter(a -> a.serviceLine().equals(line)).findFirst().orElse(null),
                    satisfaction.stream().filter(s -> s.serviceLine().equals(line)).findFirst().orElse(null)));
        }
        List<SlaByPriority> byPriority = completed.stream()
                .map(c -> new SlaByPriority(c.serviceLine(), c.priority(), c.completed(), c.withSla(), c.slaMet(),
                        c.withSla() == 0 ? null : percent(c.slaMet(), c.withSla())))
                .toList();
        List<LineCredit> credits = credits(clientId, contractId, period, results);
        return new Scorecard(clientId, contractId, contract.reference(), contract.version(), period, results, completed, backlog,
                byPriority, completedWork.pendingClient(clientId, period).stream().filter(p -> !elsewhere.contains(p.serviceLine())).toList(),
                credits, null, null);
    }

    /**
     * Per service line: each missed KPI with a rule costs the tier its shortfall reached; the line's
     * total never exceeds the lowest cap among its rules (KPIs are taken in {@link Kpi}'s order, SLA
     * attainment first, and the one that crosses the cap is cut). A KPI that beats its target earns back the oldest credit
     * still open from the rule's earn-back window of signed-off months.
     */
    private List<LineCredit> credits(UUID clientId, UUID contractId, YearMonth period, List<KpiResult> results) {
        List<CreditRule> rules = creditRules.inForce(clientId, contractId, period);
        List<LineCredit> lines = new ArrayList<>();
        for (String line : rules.stream().map(CreditRule::serviceLine).distinct().sorted().toList()) {
            List<CreditRule> lineRules = rules.stream().filter(r -> r.serviceLine().equals(line)).toList();
            BigDecimal cap = lineRules.stream().map(CreditRule::capPercent).min(Comparator.naturalOrder()).orElseThrow();
            BigDecimal total = BigDecimal.ZERO;
            boolean clamped = false;
            List<KpiCredit> credits = new ArrayList<>();
            List<LineCredit.EarnBack> earnBacks = new ArrayList<>();
            for (KpiResult result : results.stream().sorted(Comparator.comparing(KpiResult::kpi)).toList()) {
                if (!result.serviceLine().equals(line) || result.measured() == null) {
                    continue;
                }
                Optional<CreditRule> rule = lineRules.stream().filter(r -> r.kpi() == result.kpi()).findFirst();
                if (rule.isEmpty()) {
                    continue;
                }
                boolean higher = result.kpi().higherIsBetter();
                BigDecimal shortfall = CreditCalculation.shortfall(higher, result.target(), result.measured());
                Optional<CreditTier> tier = CreditCalculation.tier(rule.get().tiers(), shortfall);
                if (tier.isPresent()) {
                    BigDecimal room = cap.subtract(total);
                    BigDecimal applied = tier.get().percent().min(room);
                    clamped |= applied.compareTo(tier.get().percent()) < 0;
                    total = total.add(applied);
                    String reason = result.kpi() + " on " + line + " was " + plain(result.measured()) + " against a target of "
                            + plain(result.target()) + ", missed by " + plain(shortfall) + ": tier of "
                            + plain(tier.get().missedBy()) + " or more, " + plain(tier.get().percent()) + " % of fees"
                            + (applied.compareTo(tier.get().percent()) < 0 ? ", cut to " + plain(applied) + " % by the "
                            + plain(cap) + " % cap" : "");
                    credits.add(new KpiCredit(result.kpi(), result.target(), result.measured(), shortfall, tier.get().percent(), applied,
                            rule.get().version(), reason));
                } else if (rule.get().earnBackPeriods() > 0 && CreditCalculation.exceeded(higher, result.target(), result.measured())) {
                    signOffs.open(clientId, contractId, period.minusMonths(rule.get().earnBackPeriods()), period.minusMonths(1)).stream()
                            .filter(o -> o.serviceLine().equals(line) && o.kpi().equals(result.kpi().name()))
                            .findFirst()
                            .ifPresent(o -> earnBacks.add(new LineCredit.EarnBack(o.kpi(), o.period().toString(), o.percent(),
                                    "earn-back of the " + o.percent().toPlainString() + " % " + o.kpi() + " credit of " + o.period()
                                            + ": " + period + " beat the target (" + result.measured().toPlainString() + " against "
                                            + result.target().toPlainString() + ")")));
                }
            }
            String explanation = credits.isEmpty() ? "no credit: every target with a credit rule was met or not measured"
                    : plain(total) + " % of the " + line + " fees for " + period
                    + (clamped ? " (capped at " + plain(cap) + " %)" : "") + ": "
                    + String.join("; ", credits.stream().map(KpiCredit::reason).toList());
            lines.add(new LineCredit(line, List.copyOf(credits), total, cap, List.copyOf(earnBacks), explanation));
        }
        return List.copyOf(lines);
    }

    /** The instant a period's open work is aged at: its end once it has ended, now while it runs. */
    private Instant asOf(Instant end) {
        Instant now = clock.instant();
        return now.isBefore(end) ? now : end;
    }

    /**
     * The backlog counted at {@code countedAt}, aged at {@code asOf}. For the running month the
     * engine counts the work open now (its indexed path for open work, taken for an instant still
     * to come) and ages it at that instant, the month's end; every age is that many hours too old,
     * so they come off. An ended month is counted and aged at its end, and is left as it is.
     */
    private static List<WorkStatistics.Backlog> agedAt(List<WorkStatistics.Backlog> counted, Instant countedAt, Instant asOf) {
        if (asOf.equals(countedAt)) {
            return counted;
        }
        double early = java.time.Duration.between(asOf, countedAt).toNanos() / 3_600_000_000_000d;
        return counted.stream().map(b -> new WorkStatistics.Backlog(b.serviceLine(), b.open(),
                b.averageAgeHours() == null ? null : b.averageAgeHours() - early,
                b.oldestAgeHours() == null ? null : b.oldestAgeHours() - early)).toList();
    }

    static KpiResult result(KpiTarget target, String when, List<WorkStatistics.Completed> completed, WorkStatistics.@Nullable Backlog backlog,
                                    EvaluationRows.@Nullable LineAccuracy accuracy, CsatRows.@Nullable LineCsat satisfaction) {
        return switch (target.kpi()) {
            case SLA_ATTAINMENT -> {
                long withSla = completed.stream().mapToLong(WorkStatistics.Completed::withSla).sum();
                long met = completed.stream().mapToLong(WorkStatistics.Completed::slaMet).sum();
                long paused = completed.stream().mapToLong(WorkStatistics.Completed::everPaused).sum();
                yield withSla == 0 ? unmeasured(target, "no completed work with an SLA in the period")
                        : measured(target, percent(met, withSla), met + " of " + withSla + " completed items met their SLA ("
                        + paused + " were paused waiting on the client or a third party; that time is not counted)");
            }
            case BACKLOG_AGE -> backlog == null || backlog.open() == 0 ? measured(target, BigDecimal.ZERO, "no open work " + when)
                    : measured(target, BigDecimal.valueOf(backlog.averageAgeHours()).setScale(1, RoundingMode.HALF_UP),
                    "average age in hours of " + backlog.open() + " items open " + when);
            case AVERAGE_HANDLE_TIME -> {
                // each priority's average weighs as many as the items it was taken over: those with handle time
                double seconds = completed.stream().filter(c -> c.averageHandleSeconds() != null)
                        .mapToDouble(c -> c.averageHandleSeconds() * c.handled()).sum();
                long items = completed.stream().mapToLong(WorkStatistics.Completed::handled).sum();
                yield items == 0 ? unmeasured(target, "no handle time recorded in the period")
                        : measured(target, BigDecimal.valueOf(seconds / items / 60).setScale(1, RoundingMode.HALF_UP),
                        "average minutes agents held each of " + items + " completed items");
            }
            case ACCURACY -> {
                if (accuracy == null || accuracy.evaluations() == 0) {
                    yield unmeasured(target, "no QA evaluation of work completed in the period");
                }
                if (accuracy.fieldsChecked() > 0) {
                    long right = accuracy.fieldsChecked() - accuracy.errorsFound();
                    yield measured(target, percent(right, accuracy.fieldsChecked()), right + " of " + accuracy.fieldsChecked()
                            + " fields checked by QA were right (" + accuracy.errorsFound() + " errors in " + accuracy.evaluations()
                            + " evaluated items)");
                }
                yield measured(target, percent(accuracy.passed(), accuracy.evaluations()), accuracy.passed() + " of "
                        + accuracy.evaluations() + " evaluated items passed QA");
            }
            case CSAT -> satisfaction == null || satisfaction.responses() == 0
                    ? unmeasured(target, "no CSAT responses in the period")
                    : measured(target, BigDecimal.valueOf(satisfaction.total()).divide(BigDecimal.valueOf(satisfaction.responses()), 2,
                    RoundingMode.HALF_UP), "average of " + satisfaction.responses() + " CSAT responses on a scale of 1 to 5 ("
                    + satisfaction.satisfied() + " scored 4 or 5)");
            case FIRST_CONTACT_RESOLUTION, CUT_OFF_ADHERENCE ->
                    unmeasured(target, "not measured by OpenBPO yet (first-contact resolution and payroll cut-offs come later)");
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

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static Instant start(Client client, YearMonth period) {
        return period.atDay(1).atStartOfDay(client.timeZone()).toInstant();
    }

    private static Instant end(Client client, YearMonth period) {
        return period.plusMonths(1).atDay(1).atStartOfDay(client.timeZone()).toInstant();
    }

}
