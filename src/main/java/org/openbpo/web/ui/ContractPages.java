package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.Kpi;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.WorkTypes;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Provider administration of contracts: a client's contracts, putting one in force, revising its terms, ending its term. */
@Controller
@RequestMapping("/admin/contracts")
class ContractPages {

    private final Contracts contracts;
    private final Clients clients;
    private final WorkTypes workTypes;
    private final ClientFocus focus;
    private final Clock clock;

    ContractPages(Contracts contracts, Clients clients, WorkTypes workTypes, ClientFocus focus, Clock clock) {
        this.contracts = contracts;
        this.clients = clients;
        this.workTypes = workTypes;
        this.focus = focus;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                HttpServletRequest request, Model model) {
        ManagerAccess.require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/admin/contracts", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Contracts", "/admin/contracts");
        }
        model.addAttribute("client", chosen);
        model.addAttribute("contracts", contracts.of(chosen.id()));
        return "admin/contracts";
    }

    @GetMapping("/new")
    String newContract(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                       HttpServletRequest request, Model model) {
        ManagerAccess.require(user);
        if (client != null) {
            return focus.linkTo(user, client, "/admin/contracts/new", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return "redirect:/admin/contracts";
        }
        return form(model, chosen, null, ContractForm.blank(chosen, LocalDate.now(clock.withZone(chosen.timeZone()))),
                FormErrors.none());
    }

    @PostMapping
    String draft(@RequestParam UUID client, @RequestParam Map<String, String> params,
                 @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        ManagerAccess.require(user);
        Client chosen = clients.get(client);
        ContractForm form = ContractForm.from(params);
        FormErrors errors = FormErrors.none();
        DraftContract command = new ContractFormReader(form, errors).draft(workTypeCodes(chosen));
        if (command == null) {
            return form(model, chosen, null, form, errors);
        }
        try {
            Contract contract = contracts.draft(chosen.id(), command);
            flash.addFlashAttribute("notice", "Contract " + contract.reference() + " is in force for " + chosen.name() + ".");
            return "redirect:/admin/contracts/" + chosen.id() + "/" + contract.id();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return form(model, chosen, null, form, refused(errors, e));
        }
    }

    @GetMapping("/{clientId}/{contractId}")
    String contract(@PathVariable UUID clientId, @PathVariable UUID contractId, @AuthenticationPrincipal CurrentUser user,
                    Model model) {
        ManagerAccess.require(user);
        Client client = clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        return page(model, client, contract, contract.endsOn() == null ? "" : contract.endsOn().toString(),
                String.valueOf(contract.version()), FormErrors.none());
    }

    /**
     * Ends the contract's term on a day (or moves its end), as a revision through the same service as the API's
     * {@code endsOn}: the terms stay those the page showed, and a revision saved since the page was read is not
     * overwritten. The person confirms, since new work on the contract's service lines is refused after that day.
     */
    @PostMapping("/{clientId}/{contractId}/end")
    String end(@PathVariable UUID clientId, @PathVariable UUID contractId, @RequestParam Map<String, String> params,
               @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        ManagerAccess.require(user);
        Client client = clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        String endsOnText = params.getOrDefault("endsOn", "").strip();
        String basedOn = params.getOrDefault("basedOnVersion", "").strip();
        FormErrors errors = FormErrors.none();
        LocalDate endsOn = null;
        if (endsOnText.isEmpty()) {
            errors.add("endsOn", "give the last day of the term");
        } else {
            try {
                endsOn = LocalDate.parse(endsOnText);
            } catch (java.time.DateTimeException e) {
                errors.add("endsOn", "must be a date (YYYY-MM-DD)");
            }
        }
        if (!"yes".equals(params.get("confirm"))) {
            errors.add("confirm", "confirm that no new work is accepted on this contract after its last day");
        }
        if (errors.any()) {
            return page(model, client, contract, endsOnText, basedOn, errors);
        }
        try {
            Contract ended = contracts.revise(clientId, contractId, new ReviseContract(contract.calendar(), contract.slaTargets(),
                    contract.kpiTargets(), "Term ends on " + endsOn, endsOn, version(basedOn)));
            flash.addFlashAttribute("notice", "Contract " + ended.reference() + " ends on " + ended.endsOn()
                    + ": no new work is accepted on it after that day.");
            return "redirect:/admin/contracts/" + clientId + "/" + contractId;
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            // refused as changed meanwhile, the page now shows the current terms, and ending them is what is asked next
            Contract now = contracts.get(clientId, contractId);
            return page(model, client, now, endsOnText, "basedOnVersion".equals(e.field()) ? String.valueOf(now.version()) : basedOn,
                    "endsOn".equals(e.field()) ? errors.add("endsOn", e.getMessage()) : errors.addGeneral(e.getMessage()));
        }
    }

    private String page(Model model, Client client, Contract contract, String endsOn, String basedOnVersion, FormErrors endErrors) {
        model.addAttribute("client", client);
        model.addAttribute("contract", contract);
        model.addAttribute("inForceSince", Moments.at(contract.versionEffectiveFrom(), client.timeZone()));
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("targets", ContractForm.inOrder(contract.slaTargets()));
        model.addAttribute("today", LocalDate.now(clock.withZone(client.timeZone())));
        model.addAttribute("endsOn", endsOn);
        model.addAttribute("basedOnVersion", basedOnVersion);
        model.addAttribute("endErrors", endErrors);
        return "admin/contract";
    }

    @GetMapping("/{clientId}/{contractId}/revise")
    String revision(@PathVariable UUID clientId, @PathVariable UUID contractId, @AuthenticationPrincipal CurrentUser user,
                    Model model) {
        ManagerAccess.require(user);
        Contract contract = contracts.get(clientId, contractId);
        model.addAttribute("basedOnVersion", contract.version());
        return form(model, clients.get(clientId), contract, ContractForm.of(contract), FormErrors.none());
    }

    @PostMapping("/{clientId}/{contractId}/revise")
    String revise(@PathVariable UUID clientId, @PathVariable UUID contractId, @RequestParam Map<String, String> params,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        ManagerAccess.require(user);
        Client client = clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        ContractForm form = ContractForm.from(params);
        FormErrors errors = FormErrors.none();
        // the version the page showed, kept when the page comes back with errors: the person's changes were made to it
        Integer basedOn = version(params.get("basedOnVersion"));
        model.addAttribute("basedOnVersion", basedOn);
        ReviseContract command = new ContractFormReader(form, errors)
                .revision(contract.serviceLines().stream().map(ServiceLine::code).toList(), basedOn);
        if (command == null) {
            return form(model, client, contract, form, errors);
        }
        try {
            Contract revised = contracts.revise(clientId, contractId, command);
            flash.addFlashAttribute("notice", "Version " + revised.version() + " of " + revised.reference()
                    + " governs new work from now on.");
            return "redirect:/admin/contracts/" + clientId + "/" + contractId;
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            return form(model, client, contract, form, refused(errors, e));
        }
    }

    private String form(Model model, Client client, @Nullable Contract contract, ContractForm form, FormErrors errors) {
        model.addAttribute("client", client);
        model.addAttribute("contract", contract);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("workTypes", workTypes.of(client.id()));
        model.addAttribute("kinds", ServiceLineKind.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("kpiNames", Kpi.values());
        model.addAttribute("lineCodes", contract == null ? List.of()
                : contract.serviceLines().stream().map(ServiceLine::code).toList());
        return "admin/contract-form";
    }

    private static @Nullable Integer version(@Nullable String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<String> workTypeCodes(Client client) {
        return workTypes.of(client.id()).stream().map(v -> v.definition().code()).toList();
    }

    /** The engine's complaint goes next to its input where the form has one, else above the form. */
    private static FormErrors refused(FormErrors errors, BusinessRuleViolation e) {
        String field = e.field() == null ? "" : e.field();
        if (field.equals("calendar.zone")) {
            return errors.add("zone", e.getMessage());
        }
        if (field.startsWith("serviceLines[")) {
            return errors.add("lines" + field.substring("serviceLines".length()), e.getMessage());
        }
        if (field.startsWith("calendar.week.")) {
            return errors.add("week." + field.substring("calendar.week.".length()), e.getMessage());
        }
        return List.of("reference", "title", "currency", "startsOn", "endsOn").contains(field)
                ? errors.add(field, e.getMessage()) : errors.addGeneral(e.getMessage());
    }
}
