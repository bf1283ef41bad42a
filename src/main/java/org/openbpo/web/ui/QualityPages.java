package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.quality.DefineQaForm;
import org.openbpo.quality.DisputeEvaluation;
import org.openbpo.quality.EvaluateItem;
import org.openbpo.quality.Evaluation;
import org.openbpo.quality.Evaluations;
import org.openbpo.quality.QaAnswer;
import org.openbpo.quality.QaForm;
import org.openbpo.quality.QaForms;
import org.openbpo.quality.QaQuestion;
import org.openbpo.quality.ReviewDispute;
import org.openbpo.quality.Sampling;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.money.Decimals;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * QA for the provider's analysts, team leads and managers: the queue of sampled work, the form
 * builder, scoring an item, and an evaluation with its acknowledgement, dispute and review.
 * Everything goes through the quality facades, which check the client and the roles.
 */
@Controller
@RequestMapping("/quality")
class QualityPages {

    /** A row of the form builder as typed, kept as text so a mistake can be shown next to it. */
    public record QuestionRow(String key, String text, String weight, boolean fatal) {
        static QuestionRow blank() {
            return new QuestionRow("", "", "", false);
        }
    }

    private static final int BLANK_ROWS = 2;

    private final Sampling sampling;
    private final QaForms forms;
    private final Evaluations evaluations;
    private final WorkItems workItems;
    private final Clients clients;
    private final ClientFocus focus;

    QualityPages(Sampling sampling, QaForms forms, Evaluations evaluations, WorkItems workItems, Clients clients, ClientFocus focus) {
        this.sampling = sampling;
        this.forms = forms;
        this.evaluations = evaluations;
        this.workItems = workItems;
        this.clients = clients;
        this.focus = focus;
    }

    @GetMapping
    String queue(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                 HttpServletRequest request, Model model) {
        if (client != null) {
            return focus.linkTo(user, client, "/quality", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "QA queue", "/quality");
        }
        user.requireAny("see the QA queue", Role.QA_ANALYST, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
        model.addAttribute("client", chosen);
        model.addAttribute("samples", sampling.waiting(chosen.id(), 100));
        model.addAttribute("evaluations", evaluations.recent(chosen.id(), user));
        return "quality/queue";
    }

    @GetMapping("/forms")
    String forms(@RequestParam(required = false) @Nullable UUID client, @RequestParam(required = false) @Nullable String code,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        if (client != null) {
            return focus.linkTo(user, client, "/quality/forms", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "QA forms", "/quality/forms");
        }
        List<QuestionRow> rows = new ArrayList<>();
        String name = "";
        String passMark = "80";
        if (code != null) {
            QaForm form = forms.latest(chosen.id(), code);
            name = form.name();
            passMark = form.passMark().stripTrailingZeros().toPlainString();
            form.questions().forEach(q -> rows.add(new QuestionRow(q.key(), q.text(), String.valueOf(q.weight()), q.fatal())));
        }
        for (int i = 0; i < BLANK_ROWS; i++) {
            rows.add(QuestionRow.blank());
        }
        return formsPage(model, chosen, code == null ? "" : code, name, passMark, rows, FormErrors.none());
    }

    @PostMapping("/forms")
    String saveForm(@RequestParam UUID client, @RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user,
                    Model model, RedirectAttributes flash) {
        Client chosen = clients.get(client);
        List<QuestionRow> rows = new ArrayList<>();
        for (int i = 0; params.containsKey("q" + i + ".key"); i++) {
            QuestionRow row = new QuestionRow(params.get("q" + i + ".key").strip(), params.getOrDefault("q" + i + ".text", "").strip(),
                    params.getOrDefault("q" + i + ".weight", "").strip(), params.containsKey("q" + i + ".fatal"));
            if (!row.key().isEmpty() || !row.text().isEmpty()) {
                rows.add(row);
            }
        }
        String code = params.getOrDefault("code", "").strip();
        String name = params.getOrDefault("name", "").strip();
        String passMark = params.getOrDefault("passMark", "").strip();
        if (params.containsKey("more")) {
            rows.add(QuestionRow.blank());
            return formsPage(model, chosen, code, name, passMark, rows, FormErrors.none());
        }
        FormErrors errors = FormErrors.none();
        List<QaQuestion> questions = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            QuestionRow row = rows.get(i);
            if (row.key().isEmpty() || row.text().isEmpty() || !row.key().matches("[a-z][a-z0-9-]{0,39}")) {
                errors.add("q" + i, "give each question a key (lower-case letters, digits, dashes) and a text");
                continue;
            }
            try {
                int weight = Integer.parseInt(row.weight());
                if (weight < 0 || weight > 100) {
                    throw new NumberFormatException();
                }
                questions.add(new QaQuestion(row.key(), row.text(), weight, row.fatal()));
            } catch (NumberFormatException e) {
                errors.add("q" + i, "the weight is a whole number from 0 to 100");
            }
        }
        BigDecimal mark = null;
        try {
            mark = Decimals.parse(passMark);
            if (mark.signum() < 0 || mark.compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add("passMark", "the pass mark is a percentage from 0 to 100");
            }
        } catch (NumberFormatException e) {
            errors.add("passMark", "the pass mark is a percentage from 0 to 100");
        }
        if (!code.matches("[a-z][a-z0-9-]{1,39}")) {
            errors.add("code", "lower-case letters, digits and dashes, 2 to 40 characters");
        }
        if (name.isEmpty()) {
            errors.add("name", "give the form a name");
        }
        if (questions.isEmpty() && !errors.any()) {
            errors.addGeneral("Add at least one question.");
        }
        if (errors.any()) {
            return formsPage(model, chosen, code, name, passMark, pad(rows), errors);
        }
        try {
            QaForm saved = forms.define(chosen.id(), new DefineQaForm(code, name, mark, questions), user);
            flash.addFlashAttribute("notice", saved.name() + " saved as version " + saved.version() + ".");
            return "redirect:/quality/forms?code=" + saved.code();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return formsPage(model, chosen, code, name, passMark, pad(rows), FormErrors.none().addGeneral(e.getMessage()));
        }
    }

    @GetMapping("/samples/{clientId}/{itemId}")
    String evaluatePage(@PathVariable UUID clientId, @PathVariable long itemId, @RequestParam(required = false) @Nullable String form,
                        @AuthenticationPrincipal CurrentUser user, Model model) {
        return evaluateView(clientId, itemId, form, Map.of(), FormErrors.none(), user, model);
    }

    @PostMapping("/samples/{clientId}/{itemId}")
    String evaluate(@PathVariable UUID clientId, @PathVariable long itemId, @RequestParam Map<String, String> params,
                    @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        String formCode = params.getOrDefault("form", "");
        Map<String, QaAnswer> answers = answers(params);
        try {
            Integer fields = number(params.get("fieldsChecked"), "fieldsChecked");
            Integer errors = number(params.get("errorsFound"), "errorsFound");
            String comment = params.getOrDefault("comment", "").isBlank() ? null : params.get("comment").strip();
            Evaluation evaluation = evaluations.evaluate(clientId, itemId, new EvaluateItem(formCode, answers, fields, errors, comment), user);
            flash.addFlashAttribute("notice", "WI-" + itemId + " scored " + evaluation.score().toPlainString() + " %: "
                    + (evaluation.passed() ? "passed." : evaluation.fatal() ? "failed on a fatal error." : "below the pass mark."));
            return "redirect:/quality/evaluations/" + clientId + "/" + evaluation.id();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            FormErrors errors = FormErrors.none().add(e, List.of("fieldsChecked", "errorsFound"));
            return evaluateView(clientId, itemId, formCode, answers, errors, user, model);
        }
    }

    @GetMapping("/evaluations/{clientId}/{evaluationId}")
    String evaluation(@PathVariable UUID clientId, @PathVariable UUID evaluationId, @AuthenticationPrincipal CurrentUser user,
                      Model model) {
        Evaluation evaluation = evaluations.get(clientId, evaluationId, user);
        QaForm form = forms.version(clientId, evaluation.formCode(), evaluation.formVersion());
        model.addAttribute("client", clients.get(clientId));
        model.addAttribute("evaluation", evaluation);
        model.addAttribute("form", form);
        model.addAttribute("item", workItems.get(clientId, evaluation.itemId()));
        boolean agent = user.id().equals(evaluation.agentId());
        boolean lead = user.providerStaff() && (user.has(Role.TEAM_LEAD) || user.has(Role.OPERATIONS_MANAGER) || user.has(Role.ADMINISTRATOR));
        model.addAttribute("mayAnswer", evaluation.status().equals("OPEN") && (agent || lead));
        model.addAttribute("mayReview", evaluation.status().equals("DISPUTED") && !user.id().equals(evaluation.evaluatorId()) && !agent
                && (lead || user.has(Role.QA_ANALYST)));
        return "quality/evaluation";
    }

    @PostMapping("/evaluations/{clientId}/{evaluationId}/{action}")
    String act(@PathVariable UUID clientId, @PathVariable UUID evaluationId, @PathVariable String action,
               @RequestParam Map<String, String> params, @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        try {
            switch (action) {
                case "acknowledge" -> {
                    evaluations.acknowledge(clientId, evaluationId, user);
                    flash.addFlashAttribute("notice", "Acknowledged. The evaluation is closed.");
                }
                case "dispute" -> {
                    evaluations.dispute(clientId, evaluationId, new DisputeEvaluation(params.getOrDefault("reason", "").strip()), user);
                    flash.addFlashAttribute("notice", "Disputed. A second reviewer will decide.");
                }
                case "review" -> {
                    ReviewDispute.Outcome outcome = "OVERTURNED".equals(params.get("outcome")) ? ReviewDispute.Outcome.OVERTURNED
                            : ReviewDispute.Outcome.UPHELD;
                    Evaluation reviewed = evaluations.review(clientId, evaluationId, new ReviewDispute(outcome,
                            outcome == ReviewDispute.Outcome.OVERTURNED ? answers(params) : null, params.getOrDefault("note", "").strip()), user);
                    flash.addFlashAttribute("notice", "Dispute " + outcome.name().toLowerCase() + "; the score is "
                            + reviewed.score().toPlainString() + " %.");
                }
                default -> throw new NotFound("action", action);
            }
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/quality/evaluations/" + clientId + "/" + evaluationId;
    }

    private String evaluateView(UUID clientId, long itemId, @Nullable String formCode, Map<String, QaAnswer> answers, FormErrors errors,
                                CurrentUser user, Model model) {
        Client client = clients.get(clientId);
        WorkItem item = workItems.get(clientId, itemId);
        user.requireAny("evaluate work", Role.QA_ANALYST, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
        List<QaForm> all = forms.latest(clientId);
        QaForm form = all.stream().filter(f -> f.code().equals(formCode)).findFirst().orElse(all.isEmpty() ? null : all.getFirst());
        model.addAttribute("client", client);
        model.addAttribute("item", item);
        model.addAttribute("forms", all);
        model.addAttribute("form", form);
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        return "quality/evaluate";
    }

    private String formsPage(Model model, Client client, String code, String name, String passMark, List<QuestionRow> rows,
                             FormErrors errors) {
        model.addAttribute("client", client);
        model.addAttribute("forms", forms.latest(client.id()));
        model.addAttribute("code", code);
        model.addAttribute("name", name);
        model.addAttribute("passMark", passMark);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        return "quality/forms";
    }

    private static List<QuestionRow> pad(List<QuestionRow> rows) {
        List<QuestionRow> padded = new ArrayList<>(rows);
        padded.add(QuestionRow.blank());
        return padded;
    }

    private static Map<String, QaAnswer> answers(Map<String, String> params) {
        Map<String, QaAnswer> answers = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith("answer.")) {
                answers.put(name.substring("answer.".length()), QaAnswer.valueOf(value));
            }
        });
        return answers;
    }

    private static @Nullable Integer number(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw BusinessRuleViolation.invalid(field, "a whole number");
        }
    }
}
