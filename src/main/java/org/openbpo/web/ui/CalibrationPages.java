package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.quality.Calibration;
import org.openbpo.quality.Calibrations;
import org.openbpo.quality.QaAnswer;
import org.openbpo.quality.QaForm;
import org.openbpo.quality.QaForms;
import org.openbpo.quality.StartCalibration;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.User;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Calibration sessions for QA analysts and team leads: put one completed item before chosen
 * colleagues, each scores it on the QA form without seeing the others, and the session shows how far
 * apart they were, per question and overall, once all have scored (or when revealed early).
 */
@Controller
@RequestMapping("/quality/calibrations")
class CalibrationPages {

    private static final List<String> START_FIELDS = List.of("item", "form", "title", "analysts");

    private final Calibrations calibrations;
    private final QaForms forms;
    private final WorkItems workItems;
    private final Clients clients;
    private final ClientFocus focus;

    CalibrationPages(Calibrations calibrations, QaForms forms, WorkItems workItems, Clients clients, ClientFocus focus) {
        this.calibrations = calibrations;
        this.forms = forms;
        this.workItems = workItems;
        this.clients = clients;
        this.focus = focus;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                HttpServletRequest request, Model model) {
        if (client != null) {
            return focus.linkTo(user, client, "/quality/calibrations", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Calibration", "/quality/calibrations");
        }
        return listPage(model, chosen, user, "", "", "", List.of(), FormErrors.none());
    }

    @PostMapping
    String start(@RequestParam UUID client, @RequestParam MultiValueMap<String, String> params, @AuthenticationPrincipal CurrentUser user,
                 Model model, RedirectAttributes flash) {
        Client chosen = clients.get(client);
        String item = params.getOrDefault("item", List.of("")).getFirst().strip();
        String form = params.getOrDefault("form", List.of("")).getFirst().strip();
        String title = params.getOrDefault("title", List.of("")).getFirst().strip();
        List<String> picked = params.getOrDefault("analysts", List.of());
        FormErrors errors = FormErrors.none();
        long itemId = 0;
        String number = item.toUpperCase().startsWith("WI-") ? item.substring(3) : item;
        try {
            itemId = Long.parseLong(number);
            if (itemId <= 0) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            errors.add("item", "give the work item's reference, such as WI-1042");
        }
        if (form.isEmpty()) {
            errors.add("form", "choose the QA form the analysts score with");
        }
        if (title.isEmpty() || title.length() > 200) {
            errors.add("title", "give the session a title of at most 200 characters");
        }
        List<UUID> analysts = new ArrayList<>();
        for (String id : picked) {
            try {
                analysts.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                errors.add("analysts", "choose analysts from the list");
            }
        }
        if (analysts.size() < 2) {
            errors.add("analysts", "choose at least two analysts: a calibration compares their scores");
        }
        if (errors.any()) {
            return listPage(model, chosen, user, item, form, title, picked, errors);
        }
        try {
            workItems.get(chosen.id(), itemId);
        } catch (NotFound e) {
            errors.add("item", chosen.name() + " has no work item " + item);
        }
        if (forms.latest(chosen.id()).stream().noneMatch(f -> f.code().equals(form))) {
            errors.add("form", "there is no QA form " + form);
        }
        if (errors.any()) {
            return listPage(model, chosen, user, item, form, title, picked, errors);
        }
        try {
            Calibration started = calibrations.start(chosen.id(), new StartCalibration(itemId, form, title, analysts), user);
            flash.addFlashAttribute("notice", "Calibration started: " + started.analysts().size() + " analysts score WI-"
                    + started.itemId() + ".");
            return "redirect:/quality/calibrations/" + chosen.id() + "/" + started.id();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return listPage(model, chosen, user, item, form, title, picked, errors.add(e, START_FIELDS));
        }
    }

    @GetMapping("/{clientId}/{calibrationId}")
    String session(@PathVariable UUID clientId, @PathVariable UUID calibrationId, @AuthenticationPrincipal CurrentUser user, Model model) {
        return sessionPage(model, clientId, calibrationId, user, FormErrors.none());
    }

    @PostMapping("/{clientId}/{calibrationId}/score")
    String score(@PathVariable UUID clientId, @PathVariable UUID calibrationId, @RequestParam Map<String, String> params,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        Map<String, QaAnswer> answers = new LinkedHashMap<>();
        params.forEach((key, value) -> {
            if (key.startsWith("answer.")) {
                try {
                    answers.put(key.substring("answer.".length()), QaAnswer.valueOf(value));
                } catch (IllegalArgumentException e) {
                    // not one of the offered answers: left unanswered, which the scoring refuses by name
                }
            }
        });
        try {
            Calibration scored = calibrations.score(clientId, calibrationId, answers, user);
            flash.addFlashAttribute("notice", scored.spreadShown() && scored.complete()
                    ? "Scored. Everyone has scored: the spread is below." : "Scored. The spread shows once every analyst has scored.");
            return "redirect:/quality/calibrations/" + clientId + "/" + calibrationId;
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return sessionPage(model, clientId, calibrationId, user, FormErrors.none().addGeneral(e.getMessage()));
        }
    }

    @PostMapping("/{clientId}/{calibrationId}/reveal")
    String reveal(@PathVariable UUID clientId, @PathVariable UUID calibrationId, @AuthenticationPrincipal CurrentUser user,
                  RedirectAttributes flash) {
        calibrations.reveal(clientId, calibrationId, user);
        flash.addFlashAttribute("notice", "The spread is shown before every analyst scored.");
        return "redirect:/quality/calibrations/" + clientId + "/" + calibrationId;
    }

    private String listPage(Model model, Client client, CurrentUser user, String item, String form, String title, List<String> picked,
                            FormErrors errors) {
        List<User> scorers = calibrations.scorers(client.id(), user);
        model.addAttribute("client", client);
        model.addAttribute("sessions", calibrations.recent(client.id(), user));
        model.addAttribute("forms", forms.latest(client.id()));
        model.addAttribute("scorers", scorers);
        model.addAttribute("item", item);
        model.addAttribute("form", form);
        model.addAttribute("sessionTitle", title);
        model.addAttribute("picked", picked);
        model.addAttribute("errors", errors);
        return "quality/calibrations";
    }

    private String sessionPage(Model model, UUID clientId, UUID calibrationId, CurrentUser user, FormErrors errors) {
        Client client = clients.get(clientId);
        Calibration session = calibrations.get(clientId, calibrationId, user);
        QaForm form = forms.version(clientId, session.formCode(), session.formVersion());
        WorkItem item = workItems.get(clientId, session.itemId());
        boolean mayScore = (session.analysts().isEmpty() || session.invited(user.id())) && !session.scoredBy(user.id());
        model.addAttribute("client", client);
        model.addAttribute("calibration", session);
        model.addAttribute("form", form);
        model.addAttribute("item", item);
        model.addAttribute("mayScore", mayScore);
        model.addAttribute("errors", errors);
        return "quality/calibration";
    }
}
