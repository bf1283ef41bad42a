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
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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

    Calibrations(CalibrationRows calibrations, EvaluationRows evaluations, QaForms forms, Evaluations evaluationService,
                 WorkItems workItems, Clients clients, AuditTrail audit, Clock clock) {
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
        QaRoles.requireQaLead(by, "start calibration sessions");
        QaForm form = evaluationService.formFor(clientId, command.form());
        CalibrationRows.Row row = new CalibrationRows.Row(clientId, Ids.next(), item.id(), form.code(), form.version(),
                command.title(), clock.instant(), by.email());
        calibrations.insert(row);
        audit.record(clientId, "qa.calibration.started", "calibration", row.id(), null, row);
        return result(clientId, row);
    }

    @Transactional
    public Calibration score(UUID clientId, UUID calibrationId, Map<String, QaAnswer> answers, CurrentUser by) {
        clients.get(clientId);
        CalibrationRows.Row row = calibrations.get(clientId, calibrationId).orElseThrow(() -> new NotFound("calibration", calibrationId));
        QaRoles.requireEvaluator(by, "score calibration sessions");
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
        return result(clientId, row);
    }

    @Transactional(readOnly = true)
    public Calibration get(UUID clientId, UUID calibrationId, CurrentUser by) {
        clients.get(clientId);
        CalibrationRows.Row row = calibrations.get(clientId, calibrationId).orElseThrow(() -> new NotFound("calibration", calibrationId));
        QaRoles.requireStaff(by, "see calibration sessions");
        return result(clientId, row);
    }

    private Calibration result(UUID clientId, CalibrationRows.Row row) {
        QaForm form = forms.version(clientId, row.formCode(), row.formVersion());
        List<Evaluation> scores = evaluations.ofCalibration(clientId, row.id());
        List<Calibration.QuestionSpread> questions = new ArrayList<>();
        for (QaQuestion question : form.questions()) {
            List<BigDecimal> points = scores.stream().map(s -> s.answers().get(question.key()))
                    .filter(a -> a != null && a != QaAnswer.NA)
                    .map(a -> a == QaAnswer.YES ? BigDecimal.valueOf(question.weight()) : BigDecimal.ZERO).toList();
            questions.add(new Calibration.QuestionSpread(question.key(), question.text(), points, spread(points)));
        }
        List<BigDecimal> overall = scores.stream().map(Evaluation::score).toList();
        return new Calibration(clientId, row.id(), row.itemId(), row.formCode(), row.formVersion(), row.title(), row.createdAt(),
                row.createdBy(), scores, questions, spread(overall));
    }

    private static Calibration.Spread spread(List<BigDecimal> values) {
        return values.isEmpty() ? new Calibration.Spread(0, null, null)
                : new Calibration.Spread(values.size(), Spreads.rounded(Spreads.mean(values)), Spreads.rounded(Spreads.variance(values)));
    }
}
