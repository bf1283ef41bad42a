package org.openbpo.quality;

import org.openbpo.audit.AuditTrail;
import org.openbpo.quality.domain.QaScoring;
import org.openbpo.quality.domain.Spreads;
import org.openbpo.quality.persistence.CalibrationRows;
import org.openbpo.quality.persistence.EvaluationRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.UUID;

/**
 * Calibration sessions: the same item scored by several analysts on the same form version. Their
 * scores never count towards the agent or the accuracy KPI; they show how consistently QA judges.
 */
@Service
public class Calibrations {

    private final CalibrationRows calibrations;
    private final EvaluationRows evaluations;
    private final QaForms forms;
    private final Evaluations evaluationService;
    private final WorkItems workItems;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final Users users;

    Calibrations(CalibrationRows calibrations, EvaluationRows evaluations, QaForms forms, Evaluations evaluationService,
                 WorkItems workItems, Clients clients, AuditTrail audit, Clock clock, Users users) {
        this.users = users;
        this.calibrations = calibrations;
        this.evaluations = evaluations;
        this.forms = forms;
        this.evaluationService = evaluationService;
        this.workItems = workItems;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Calibration start(UUID clientId, StartCalibration command, CurrentUser by) {
        clients.get(clientId);
        WorkItem item = workItems.get(clientId, command.itemId());
        QaRoles.requireEvaluator(by, "start calibration sessions");
        QaForm form = evaluationService.formFor(clientId, command.form());
        Set<UUID> chosen = command.analysts() == null ? Set.of() : new LinkedHashSet<>(command.analysts());
        if (command.analysts() != null) {
            if (chosen.size() < 2) {
                throw BusinessRuleViolation.invalid("analysts", "choose at least two analysts: a calibration compares their scores");
            }
            Set<UUID> eligible = scorers(clientId, by).stream().map(User::id).collect(Collectors.toSet());
            List<UUID> others = chosen.stream().filter(a -> !eligible.contains(a)).toList();
            if (!others.isEmpty()) {
                throw BusinessRuleViolation.invalid("analysts", others.size() + " of the chosen people do not score this client's "
                        + "work (QA analysts, team leads and managers serving the client do)");
            }
        }
        CalibrationRows.Row row = new CalibrationRows.Row(clientId, Ids.next(), item.id(), form.code(), form.version(),
                command.title(), clock.instant(), by.email(), null, null);
        calibrations.insert(row);
        calibrations.invite(clientId, row.id(), chosen);
        audit.record(clientId, "qa.calibration.started", "calibration", row.id(), null,
                Map.of("session", row, "analysts", List.copyOf(chosen)));
        return result(clientId, row, by);
    }

    @Transactional
    public Calibration score(UUID clientId, UUID calibrationId, Map<String, QaAnswer> answers, CurrentUser by) {
        clients.get(clientId);
        CalibrationRows.Row row = calibrations.get(clientId, calibrationId).orElseThrow(() -> new NotFound("calibration", calibrationId));
        QaRoles.requireEvaluator(by, "score calibration sessions");
        List<UUID> invited = calibrations.invited(clientId, calibrationId);
        if (!invited.isEmpty() && !invited.contains(by.id())) {
            throw BusinessRuleViolation.conflict("not-invited", by.displayName() + " was not asked to score this calibration session.");
        }
        QaForm form = forms.version(clientId, row.formCode(), row.formVersion());
        QaScoring.Result result = QaScoring.score(form.questions(), form.passMark(), answers);
        WorkItem item = workItems.get(clientId, row.itemId());
        Evaluation evaluation = new Evaluation(clientId, Ids.next(), row.itemId(), item.serviceLine(), null, form.code(),
                form.version(), calibrationId, by.id(), by.displayName(), Map.copyOf(answers), result.score(), result.fatal(),
                result.passed(), result.failedQuestions(), null, null, null, clock.instant(), Evaluations.CLOSED, null, null, null,
                null, null, null, null, null, null);
        try {
            evaluations.insert(evaluation);
        } catch (DuplicateKeyException e) {
            throw BusinessRuleViolation.conflict("already-scored", by.displayName() + " scored this calibration already.");
        }
        audit.record(clientId, "qa.calibration.scored", "calibration", calibrationId, null,
                Map.of("analyst", by.email(), "score", result.score()));
        return result(clientId, row, by);
    }

    @Transactional(readOnly = true)
    public Calibration get(UUID clientId, UUID calibrationId, CurrentUser by) {
        clients.get(clientId);
        CalibrationRows.Row row = calibrations.get(clientId, calibrationId).orElseThrow(() -> new NotFound("calibration", calibrationId));
        QaRoles.requireStaff(by, "see calibration sessions");
        return result(clientId, row, by);
    }

    /** Shows the spread before every chosen analyst scored (a session that has to close, or a debrief). */
    @Transactional
    public Calibration reveal(UUID clientId, UUID calibrationId, CurrentUser by) {
        clients.get(clientId);
        CalibrationRows.Row row = calibrations.get(clientId, calibrationId).orElseThrow(() -> new NotFound("calibration", calibrationId));
        QaRoles.requireEvaluator(by, "reveal calibration results");
        if (calibrations.reveal(clientId, calibrationId, clock.instant(), by.email())) {
            audit.record(clientId, "qa.calibration.revealed", "calibration", calibrationId, null, Map.of("by", by.email()));
        }
        return get(clientId, calibrationId, by);
    }

    /** The client's calibration sessions, newest first, with how many of the chosen analysts scored. */
    @Transactional(readOnly = true)
    public List<CalibrationSummary> recent(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        QaRoles.requireStaff(by, "see calibration sessions");
        return calibrations.recent(clientId, 100).stream()
                .map(s -> new CalibrationSummary(s.row().id(), s.row().itemId(), s.row().formCode(), s.row().formVersion(),
                        s.row().title(), s.row().createdAt(), s.row().createdBy(), s.invited(), s.scored()))
                .toList();
    }

    /** Who may be put before a session of the client's: provider staff serving it who evaluate. */
    @Transactional(readOnly = true)
    public List<User> scorers(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        QaRoles.requireStaff(by, "see who scores calibration sessions");
        return users.staffServing(clientId, Set.of(Role.QA_ANALYST, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR), by);
    }

    /**
     * While chosen analysts are still scoring (and nobody revealed the spread), each sees only their
     * own score, so nobody anchors on a colleague's: the others' scores and the spread stay hidden.
     */
    private Calibration result(UUID clientId, CalibrationRows.Row row, CurrentUser by) {
        QaForm form = forms.version(clientId, row.formCode(), row.formVersion());
        List<Evaluation> all = evaluations.ofCalibration(clientId, row.id());
        List<UUID> invited = calibrations.invited(clientId, row.id());
        Map<UUID, String> names = invited.isEmpty() ? Map.of() : users.staffNames(invited, by);
        Set<UUID> scoredBy = all.stream().map(Evaluation::evaluatorId).collect(Collectors.toSet());
        List<Calibration.Analyst> analysts = invited.stream()
                .map(a -> new Calibration.Analyst(a, names.getOrDefault(a, "Analyst"), scoredBy.contains(a)))
                .sorted(java.util.Comparator.comparing(Calibration.Analyst::name)).toList();
        boolean complete = !analysts.isEmpty() && analysts.stream().allMatch(Calibration.Analyst::scored);
        boolean shown = analysts.isEmpty() || complete || row.revealedAt() != null;
        List<Evaluation> scores = shown ? all : all.stream().filter(e -> e.evaluatorId().equals(by.id())).toList();
        List<Calibration.QuestionSpread> questions = new ArrayList<>();
        for (QaQuestion question : form.questions()) {
            List<BigDecimal> points = scores.stream().map(s -> s.answers().get(question.key()))
                    .filter(a -> a != null && a != QaAnswer.NA)
                    .map(a -> a == QaAnswer.YES ? BigDecimal.valueOf(question.weight()) : BigDecimal.ZERO).toList();
            questions.add(new Calibration.QuestionSpread(question.key(), question.text(), shown ? points : List.of(),
                    shown ? spread(points) : new Calibration.Spread(0, null, null)));
        }
        List<BigDecimal> overall = scores.stream().map(Evaluation::score).toList();
        return new Calibration(clientId, row.id(), row.itemId(), row.formCode(), row.formVersion(), row.title(), row.createdAt(),
                row.createdBy(), scores, questions, shown ? spread(overall) : new Calibration.Spread(0, null, null), analysts,
                complete, row.revealedAt(), row.revealedBy());
    }

    private static Calibration.Spread spread(List<BigDecimal> values) {
        return values.isEmpty() ? new Calibration.Spread(0, null, null)
                : new Calibration.Spread(values.size(), Spreads.rounded(Spreads.mean(values)), Spreads.rounded(Spreads.variance(values)));
    }
}
