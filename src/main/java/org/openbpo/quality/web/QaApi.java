package org.openbpo.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.openbpo.quality.AgentCoaching;
import org.openbpo.quality.Calibration;
import org.openbpo.quality.Calibrations;
import org.openbpo.quality.CsatResponse;
import org.openbpo.quality.CustomerSatisfaction;
import org.openbpo.quality.DefineQaForm;
import org.openbpo.quality.DisputeEvaluation;
import org.openbpo.quality.EvaluateItem;
import org.openbpo.quality.Evaluation;
import org.openbpo.quality.Evaluations;
import org.openbpo.quality.FlagItem;
import org.openbpo.quality.QaAnswer;
import org.openbpo.quality.QaForm;
import org.openbpo.quality.QaForms;
import org.openbpo.quality.ReviewDispute;
import org.openbpo.quality.Sample;
import org.openbpo.quality.Sampling;
import org.openbpo.quality.SamplingPolicy;
import org.openbpo.quality.SetSamplingPolicy;
import org.openbpo.quality.StartCalibration;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/qa")
@Tag(name = "Quality", description = "Sampling rules, QA forms, evaluations, disputes, calibration, coaching and CSAT")
class QaApi {

    record CalibrationScore(@NotNull Map<String, QaAnswer> answers) {
    }

    private final Sampling sampling;
    private final QaForms forms;
    private final Evaluations evaluations;
    private final Calibrations calibrations;
    private final CustomerSatisfaction satisfaction;

    QaApi(Sampling sampling, QaForms forms, Evaluations evaluations, Calibrations calibrations, CustomerSatisfaction satisfaction) {
        this.sampling = sampling;
        this.forms = forms;
        this.evaluations = evaluations;
        this.calibrations = calibrations;
        this.satisfaction = satisfaction;
    }

    @GetMapping("/sampling-rules")
    @Operation(summary = "The sampling rules in force")
    List<SamplingPolicy> rules(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        return sampling.policies(clientId, user);
    }

    @PostMapping("/sampling-rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Set the sampling rule of a scope (client, service line, work type, agent), replacing the one in force")
    SamplingPolicy setRule(@PathVariable UUID clientId, @Valid @RequestBody SetSamplingPolicy command,
                           @AuthenticationPrincipal CurrentUser user) {
        return sampling.setPolicy(clientId, command, user);
    }

    @DeleteMapping("/sampling-rules/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Retire a sampling rule")
    void retireRule(@PathVariable UUID clientId, @PathVariable UUID ruleId, @AuthenticationPrincipal CurrentUser user) {
        sampling.retirePolicy(clientId, ruleId, user);
    }

    @PostMapping("/flags")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Flag a completed item for QA: it is always evaluated")
    Sample flag(@PathVariable UUID clientId, @Valid @RequestBody FlagItem command, @AuthenticationPrincipal CurrentUser user) {
        return sampling.flag(clientId, command, user);
    }

    @GetMapping("/forms")
    @Operation(summary = "The latest version of every QA form")
    List<QaForm> forms(@PathVariable UUID clientId) {
        return forms.latest(clientId);
    }

    @PostMapping("/forms")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a QA form: a new form, or the next version of one")
    QaForm define(@PathVariable UUID clientId, @Valid @RequestBody DefineQaForm command, @AuthenticationPrincipal CurrentUser user) {
        return forms.define(clientId, command, user);
    }

    @GetMapping("/forms/{code}/versions/{version}")
    @Operation(summary = "One version of a QA form")
    QaForm form(@PathVariable UUID clientId, @PathVariable String code, @PathVariable int version) {
        return forms.version(clientId, code, version);
    }

    @PostMapping("/samples/{itemId}/evaluation")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Evaluate a sampled item on the latest version of a form")
    Evaluation evaluate(@PathVariable UUID clientId, @PathVariable long itemId, @Valid @RequestBody EvaluateItem command,
                        @AuthenticationPrincipal CurrentUser user) {
        return evaluations.evaluate(clientId, itemId, command, user);
    }

    @GetMapping("/evaluations")
    @Operation(summary = "The latest evaluations")
    List<Evaluation> evaluations(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        return evaluations.recent(clientId, user);
    }

    @GetMapping("/evaluations/{evaluationId}")
    @Operation(summary = "One evaluation")
    Evaluation evaluation(@PathVariable UUID clientId, @PathVariable UUID evaluationId, @AuthenticationPrincipal CurrentUser user) {
        return evaluations.get(clientId, evaluationId, user);
    }

    @PostMapping("/evaluations/{evaluationId}/acknowledgement")
    @Operation(summary = "The agent accepts the evaluation, which closes it")
    Evaluation acknowledge(@PathVariable UUID clientId, @PathVariable UUID evaluationId, @AuthenticationPrincipal CurrentUser user) {
        return evaluations.acknowledge(clientId, evaluationId, user);
    }

    @PostMapping("/evaluations/{evaluationId}/dispute")
    @Operation(summary = "The agent disputes an open evaluation (409 once it is closed)")
    Evaluation dispute(@PathVariable UUID clientId, @PathVariable UUID evaluationId, @Valid @RequestBody DisputeEvaluation command,
                       @AuthenticationPrincipal CurrentUser user) {
        return evaluations.dispute(clientId, evaluationId, command, user);
    }

    @PostMapping("/evaluations/{evaluationId}/review")
    @Operation(summary = "A second reviewer, not the evaluator, upholds or overturns a disputed evaluation")
    Evaluation review(@PathVariable UUID clientId, @PathVariable UUID evaluationId, @Valid @RequestBody ReviewDispute command,
                      @AuthenticationPrincipal CurrentUser user) {
        return evaluations.review(clientId, evaluationId, command, user);
    }

    @GetMapping("/agents/{agentId}/coaching")
    @Operation(summary = "An agent's evaluations, monthly trend and most failed questions")
    AgentCoaching coaching(@PathVariable UUID clientId, @PathVariable UUID agentId, @AuthenticationPrincipal CurrentUser user) {
        return evaluations.coaching(clientId, agentId, user);
    }

    @PostMapping("/calibrations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a calibration session on a completed item")
    Calibration startCalibration(@PathVariable UUID clientId, @Valid @RequestBody StartCalibration command,
                                 @AuthenticationPrincipal CurrentUser user) {
        return calibrations.start(clientId, command, user);
    }

    @GetMapping("/calibrations/{calibrationId}")
    @Operation(summary = "A calibration session: every analyst's score, the variance per question and overall")
    Calibration calibration(@PathVariable UUID clientId, @PathVariable UUID calibrationId, @AuthenticationPrincipal CurrentUser user) {
        return calibrations.get(clientId, calibrationId, user);
    }

    @PostMapping("/calibrations/{calibrationId}/scores")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Score the calibration item (once per analyst)")
    Calibration scoreCalibration(@PathVariable UUID clientId, @PathVariable UUID calibrationId,
                                 @Valid @RequestBody CalibrationScore score, @AuthenticationPrincipal CurrentUser user) {
        return calibrations.score(clientId, calibrationId, score.answers(), user);
    }

    @PostMapping("/calibrations/{calibrationId}/reveal")
    @Operation(summary = "Show the spread before every chosen analyst scored")
    Calibration revealCalibration(@PathVariable UUID clientId, @PathVariable UUID calibrationId, @AuthenticationPrincipal CurrentUser user) {
        return calibrations.reveal(clientId, calibrationId, user);
    }

    @PostMapping("/csat-responses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a customer's CSAT response (1–5) for a work item, once per item")
    Map<String, Object> csat(@PathVariable UUID clientId, @Valid @RequestBody CsatResponse response,
                             @AuthenticationPrincipal CurrentUser user) {
        satisfaction.record(clientId, response, user);
        return Map.of("itemId", response.itemId(), "score", response.score());
    }
}
