package org.openbpo.quality;

import org.openbpo.audit.AuditTrail;
import org.openbpo.quality.domain.QaScoring;
import org.openbpo.quality.persistence.EvaluationRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.TimelineEntry;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * QA evaluations of sampled items: scored exactly on a form version, acknowledged by the agent or
 * disputed, and a dispute decided by a second reviewer who is neither the evaluator nor the agent.
 * Every change is audited in its transaction.
 */
@Service
public class Evaluations {

    static final String OPEN = "OPEN";
    static final String DISPUTED = "DISPUTED";
    static final String CLOSED = "CLOSED";

    private final EvaluationRows evaluations;
    private final Sampling sampling;
    private final QaForms forms;
    private final Clients clients;
    private final WorkItems workItems;
    private final AuditTrail audit;
    private final Clock clock;

    Evaluations(EvaluationRows evaluations, Sampling sampling, QaForms forms, Clients clients, WorkItems workItems,
                AuditTrail audit, Clock clock) {
        this.evaluations = evaluations;
        this.sampling = sampling;
        this.forms = forms;
        this.clients = clients;
        this.workItems = workItems;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Evaluation evaluate(UUID clientId, long itemId, EvaluateItem command, CurrentUser by) {
        clients.get(clientId);
        Sample sample = sampling.sample(clientId, itemId).orElseThrow(() -> new NotFound("QA sample of work item", itemId));
        QaRoles.requireEvaluator(by, "evaluate work");
        if (by.id().equals(sample.agentId())) {
            throw BusinessRuleViolation.conflict("evaluator-is-agent", "Nobody evaluates their own work.");
        }
        if (closedBy(clientId, itemId).filter(by.email()::equalsIgnoreCase).isPresent()) {
            throw BusinessRuleViolation.conflict("evaluator-closed-it",
                    "You completed or approved this work, so a second person evaluates it.");
        }
        QaForm form = formFor(clientId, command.form());
        QaScoring.Result result = QaScoring.score(form.questions(), form.passMark(), command.answers());
        if (!sampling.markEvaluated(clientId, itemId)) {
            throw BusinessRuleViolation.conflict("already-evaluated", "WI-" + itemId + " was evaluated already.");
        }
        Evaluation evaluation = new Evaluation(clientId, Ids.next(), itemId, sample.serviceLine(), sample.agentId(), form.code(),
                form.version(), null, by.id(), by.displayName(), command.answers(), result.score(), result.fatal(), result.passed(),
                result.failedQuestions(), command.fieldsChecked(), command.errorsFound(), command.comment(), clock.instant(), OPEN,
                null, null, null, null, null, null, null, null, null);
        evaluations.insert(evaluation);
        audit.record(clientId, "qa.evaluation.scored", "evaluation", evaluation.id(), null,
                Map.of("item", itemId, "score", result.score(), "passed", result.passed(), "fatal", result.fatal()));
        return get(clientId, evaluation.id(), by);
    }

    /** Who made the move that closed the item (its last move: a sample is of completed work), as the timeline names them. */
    private Optional<String> closedBy(UUID clientId, long itemId) {
        return workItems.timeline(clientId, itemId).stream().filter(entry -> entry.type().equals("moved"))
                .reduce((earlier, later) -> later).map(TimelineEntry::actor);
    }

    @Transactional(readOnly = true)
    public Evaluation get(UUID clientId, UUID id, CurrentUser by) {
        clients.get(clientId);
        Evaluation evaluation = evaluations.get(clientId, id).orElseThrow(() -> new NotFound("evaluation", id));
        QaRoles.requireStaff(by, "see QA evaluations");
        return evaluation;
    }

    @Transactional(readOnly = true)
    public List<Evaluation> recent(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        QaRoles.requireStaff(by, "see QA evaluations");
        return evaluations.recent(clientId, 100);
    }

    @Transactional
    public Evaluation acknowledge(UUID clientId, UUID id, CurrentUser by) {
        Evaluation evaluation = locked(clientId, id);
        requireAgentOrLead(evaluation, by, "acknowledge the evaluation");
        requireStatus(evaluation, OPEN, "acknowledged");
        evaluations.acknowledge(clientId, id, clock.instant());
        audit.record(clientId, "qa.evaluation.acknowledged", "evaluation", id, null, Map.of("by", by.email()));
        return evaluations.get(clientId, id).orElseThrow();
    }

    @Transactional
    public Evaluation dispute(UUID clientId, UUID id, DisputeEvaluation command, CurrentUser by) {
        Evaluation evaluation = locked(clientId, id);
        requireAgentOrLead(evaluation, by, "dispute the evaluation");
        requireStatus(evaluation, OPEN, "disputed");
        evaluations.dispute(clientId, id, command.reason(), clock.instant());
        audit.record(clientId, "qa.evaluation.disputed", "evaluation", id, null, Map.of("reason", command.reason()));
        return evaluations.get(clientId, id).orElseThrow();
    }

    @Transactional
    public Evaluation review(UUID clientId, UUID id, ReviewDispute command, CurrentUser by) {
        Evaluation evaluation = locked(clientId, id);
        QaRoles.requireEvaluator(by, "review disputes");
        if (by.id().equals(evaluation.evaluatorId())) {
            throw BusinessRuleViolation.conflict("reviewer-is-evaluator",
                    "A dispute is decided by a second reviewer, not by the analyst who scored the item.");
        }
        if (by.id().equals(evaluation.agentId())) {
            throw BusinessRuleViolation.conflict("reviewer-is-agent", "Agents do not decide their own disputes.");
        }
        requireStatus(evaluation, DISPUTED, "reviewed");
        QaForm form = forms.version(clientId, evaluation.formCode(), evaluation.formVersion());
        Map<String, QaAnswer> answers = command.outcome() == ReviewDispute.Outcome.OVERTURNED ? command.answers() : evaluation.answers();
        QaScoring.Result result = QaScoring.score(form.questions(), form.passMark(), answers);
        evaluations.review(clientId, id, by.id(), by.displayName(), command.outcome().name(), command.note(), clock.instant(),
                answers, result.score(), result.fatal(), result.passed(), evaluation.score());
        audit.record(clientId, "qa.evaluation.reviewed", "evaluation", id, Map.of("score", evaluation.score()),
                Map.of("outcome", command.outcome().name(), "score", result.score(), "passed", result.passed()));
        return evaluations.get(clientId, id).orElseThrow();
    }

    /** What an agent's coach looks at: their latest evaluations, month by month, and what they fail most. */
    @Transactional(readOnly = true)
    public AgentCoaching coaching(UUID clientId, UUID agentId, CurrentUser by) {
        Client client = clients.get(clientId);
        if (!by.id().equals(agentId)) {
            QaRoles.requireEvaluator(by, "see another agent's coaching view");
        }
        List<Evaluation> all = evaluations.ofAgent(clientId, agentId, 500);
        Map<YearMonth, List<Evaluation>> byMonth = new TreeMap<>();
        Map<String, Integer> failures = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        for (Evaluation e : all) {
            byMonth.computeIfAbsent(YearMonth.from(e.evaluatedAt().atZone(client.timeZone())), m -> new ArrayList<>()).add(e);
            QaForm form = forms.version(clientId, e.formCode(), e.formVersion());
            for (String key : e.failedQuestions()) {
                String id = e.formCode() + "/" + key;
                failures.merge(id, 1, Integer::sum);
                form.questions().stream().filter(q -> q.key().equals(key)).findFirst().ifPresent(q -> texts.put(id, q.text()));
            }
        }
        List<AgentCoaching.Month> trend = byMonth.entrySet().stream().map(entry -> {
            List<Evaluation> month = entry.getValue();
            BigDecimal sum = month.stream().map(Evaluation::score).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new AgentCoaching.Month(entry.getKey(), month.size(),
                    sum.divide(BigDecimal.valueOf(month.size()), 2, RoundingMode.HALF_UP),
                    (int) month.stream().filter(Evaluation::passed).count(), (int) month.stream().filter(Evaluation::fatal).count());
        }).toList();
        List<AgentCoaching.FailedQuestion> failed = failures.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(f -> new AgentCoaching.FailedQuestion(f.getKey().substring(0, f.getKey().indexOf('/')),
                        f.getKey().substring(f.getKey().indexOf('/') + 1), texts.getOrDefault(f.getKey(), ""), f.getValue()))
                .toList();
        return new AgentCoaching(clientId, agentId, all.stream().limit(50).toList(), trend, failed);
    }

    QaForm formFor(UUID clientId, String code) {
        try {
            return forms.latest(clientId, code);
        } catch (NotFound e) {
            throw BusinessRuleViolation.invalid("form", "the client has no QA form " + code);
        }
    }

    private Evaluation locked(UUID clientId, UUID id) {
        clients.get(clientId);
        return evaluations.lock(clientId, id).orElseThrow(() -> new NotFound("evaluation", id));
    }

    private static void requireAgentOrLead(Evaluation evaluation, CurrentUser by, String what) {
        if (!by.id().equals(evaluation.agentId())) {
            QaRoles.requireStaff(by, what);
            by.requireAny(what, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
        }
    }

    private static void requireStatus(Evaluation evaluation, String status, String what) {
        if (!evaluation.status().equals(status)) {
            String code = CLOSED.equals(evaluation.status()) ? "evaluation-closed" : "evaluation-" + evaluation.status().toLowerCase();
            throw BusinessRuleViolation.conflict(code, "The evaluation of " + evaluation.itemReference() + " is "
                    + evaluation.status().toLowerCase() + " and cannot be " + what + ".");
        }
    }

}
