package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.WorkTypeTemplates;
import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Setting a client's work up: the work types it runs (adopted from the shipped templates) and its queues. */
@Controller
class WorkSetupPages {

    private static final List<String> QUEUE_FIELDS = List.of("code", "name", "serviceLine", "requiredSkill",
            "minProficiency", "language");

    /** A transition of a work type in words: from, to, its button label and who may press it. */
    record Move(String from, String to, String label, String who) {
    }

    private final WorkTypes workTypes;
    private final Queues queues;
    private final Contracts contracts;
    private final Clients clients;
    private final ClientFocus focus;

    WorkSetupPages(WorkTypes workTypes, Queues queues, Contracts contracts, Clients clients, ClientFocus focus) {
        this.workTypes = workTypes;
        this.queues = queues;
        this.contracts = contracts;
        this.clients = clients;
        this.focus = focus;
    }

    /** Empty inputs are absent values, not empty skills or languages. */
    @InitBinder("form")
    void blanksAreAbsent(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
    }

    @GetMapping("/admin/work-types")
    String workTypes(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                     HttpServletRequest request, Model model) {
        ManagerAccess.require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/admin/work-types", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Work types", "/admin/work-types");
        }
        List<WorkTypes.VersionedWorkType> adopted = workTypes.of(chosen.id());
        Set<String> codes = adopted.stream().map(v -> v.definition().code()).collect(Collectors.toSet());
        model.addAttribute("client", chosen);
        model.addAttribute("types", adopted);
        model.addAttribute("templates", WorkTypeTemplates.all().stream().filter(t -> !codes.contains(t.code())).toList());
        return "admin/work-types";
    }

    @PostMapping("/admin/work-types")
    String adopt(@RequestParam UUID client, @RequestParam(required = false) @Nullable String template,
                 @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, RedirectAttributes flash) {
        ManagerAccess.require(user);
        Client chosen = clients.get(client);
        focus.switchTo(user, client, request); // the list shown next is this client's, and the notice survives one redirect
        if (template == null || template.isBlank()) {
            flash.addFlashAttribute("problem", "Choose a template to adopt.");
        } else {
            WorkTypes.VersionedWorkType adopted = workTypes.adoptTemplate(chosen.id(), template);
            flash.addFlashAttribute("notice", adopted.definition().name() + " (version " + adopted.version()
                    + ") is now a work type of " + chosen.name() + ".");
        }
        return "redirect:/admin/work-types";
    }

    @GetMapping("/admin/work-types/{clientId}/{code}")
    String workType(@PathVariable UUID clientId, @PathVariable String code, @AuthenticationPrincipal CurrentUser user,
                    Model model) {
        ManagerAccess.require(user);
        WorkTypes.VersionedWorkType type = workTypes.current(clientId, code);
        model.addAttribute("client", clients.get(clientId));
        model.addAttribute("version", type.version());
        model.addAttribute("type", type.definition());
        model.addAttribute("moves", type.definition().transitions().stream().map(t -> new Move(
                type.definition().state(t.from()).label(), type.definition().state(t.to()).label(), t.label(),
                t.roles().isEmpty() ? "Provider staff" : t.roles().stream().sorted()
                        .map(WorkSetupPages::roleLabel).collect(Collectors.joining(", ")))).toList());
        return "admin/work-type";
    }

    /** A role's label; a name saved before unknown roles were refused is shown as it was written. */
    private static String roleLabel(String role) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(role)).findFirst().map(Role::label).orElse(role);
    }

    /** Requires the work type's checklist ticked before done, or makes it guidance again: a new version, for new work. */
    @PostMapping("/admin/work-types/{clientId}/{code}/checklist-required")
    String checklistRequired(@PathVariable UUID clientId, @PathVariable String code, @RequestParam boolean required,
                             @AuthenticationPrincipal CurrentUser user, RedirectAttributes flash) {
        ManagerAccess.require(user);
        WorkTypes.VersionedWorkType current = workTypes.current(clientId, code);
        try {
            WorkTypes.VersionedWorkType defined = workTypes.define(clientId, current.definition().withChecklistRequired(required));
            flash.addFlashAttribute("notice", defined.definition().name() + " version " + defined.version()
                    + (required ? " requires every checklist step ticked before done." : " keeps its checklist as guidance.")
                    + " Items raised before keep their version.");
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound) {
                throw e;
            }
            flash.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/admin/work-types/" + clientId + "/" + code;
    }

    @GetMapping("/admin/queues")
    String queues(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                  HttpServletRequest request, Model model) {
        ManagerAccess.require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/admin/queues", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Queues", "/admin/queues");
        }
        return queuePage(model, chosen, new OpenQueue("", "", "", null, null, null), FormErrors.none());
    }

    @PostMapping("/admin/queues")
    String openQueue(@RequestParam UUID client, @Valid @ModelAttribute("form") OpenQueue form, BindingResult binding,
                     @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model,
                     RedirectAttributes flash) {
        ManagerAccess.require(user);
        Client chosen = clients.get(client);
        focus.switchTo(user, client, request);
        if (binding.hasErrors()) {
            return queuePage(model, chosen, form, FormErrors.of(binding));
        }
        if (serviceLines(chosen).stream().noneMatch(line -> line.code().equals(form.serviceLine()))) {
            return queuePage(model, chosen, form, FormErrors.none().add("serviceLine", "choose a service line of the contract"));
        }
        try {
            Queue queue = queues.open(chosen.id(), form);
            flash.addFlashAttribute("notice", "Queue " + queue.name() + " is open.");
            return "redirect:/admin/queues";
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return queuePage(model, chosen, form, FormErrors.none().add(e, QUEUE_FIELDS));
        }
    }

    private String queuePage(Model model, Client client, OpenQueue form, FormErrors errors) {
        model.addAttribute("client", client);
        model.addAttribute("loads", queues.load(queues.of(client.id())));
        model.addAttribute("lines", serviceLines(client));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/queues";
    }

    /** Each service line once, as the contract in force (else the next, else the last) has it. */
    private List<ServiceLine> serviceLines(Client client) {
        return contracts.serviceLines(client.id());
    }
}
