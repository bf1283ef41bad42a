package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.FieldType;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The provider administrator's editor of a client's work types: the whole definition on one form, saved
 * through the same service as the API as a new version. Work already raised keeps the version it was
 * raised under; new work takes the new one.
 */
@Controller
class WorkTypeEditPages {

    private final WorkTypes workTypes;
    private final Clients clients;

    WorkTypeEditPages(WorkTypes workTypes, Clients clients) {
        this.workTypes = workTypes;
        this.clients = clients;
    }

    @GetMapping("/admin/work-types/{clientId}/{code}/edit")
    String edit(@PathVariable UUID clientId, @PathVariable String code, @AuthenticationPrincipal CurrentUser user, Model model) {
        ManagerAccess.require(user);
        Client client = clients.get(clientId);
        WorkTypes.VersionedWorkType current = workTypes.current(clientId, code);
        return form(model, client, current, String.valueOf(current.version()), WorkTypeForm.of(current.definition()),
                FormErrors.none());
    }

    @PostMapping("/admin/work-types/{clientId}/{code}/edit")
    String save(@PathVariable UUID clientId, @PathVariable String code, @RequestParam Map<String, String> params,
                @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        ManagerAccess.require(user);
        Client client = clients.get(clientId);
        WorkTypes.VersionedWorkType current = workTypes.current(clientId, code);
        WorkTypeForm form = WorkTypeForm.from(params).withCode(current.definition().code());
        String basedOn = params.getOrDefault("basedOnVersion", "").strip();
        FormErrors errors = FormErrors.none();
        WorkTypeDefinition definition = new WorkTypeFormReader(form, errors).definition();
        return save(client, definition, model, flash, errors, form, current, basedOn);
    }

    @GetMapping("/admin/work-types/new")
    String create(@RequestParam UUID client, @AuthenticationPrincipal CurrentUser user, Model model) {
        ManagerAccess.require(user);
        return form(model, clients.get(client), null, "", WorkTypeForm.blank(), FormErrors.none());
    }

    @PostMapping("/admin/work-types/new")
    String define(@RequestParam UUID client, @RequestParam Map<String, String> params,
                  @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        ManagerAccess.require(user);
        Client chosen = clients.get(client);
        WorkTypeForm form = WorkTypeForm.from(params);
        FormErrors errors = FormErrors.none();
        WorkTypeDefinition definition = new WorkTypeFormReader(form, errors).definition();
        if (definition != null && workTypes.has(chosen.id(), definition.code())) {
            errors.add("code", definition.code() + " is already a work type of " + chosen.name() + ": edit it instead");
            definition = null;
        }
        return save(chosen, definition, model, flash, errors, form, null, "");
    }

    private String save(Client client, @Nullable WorkTypeDefinition definition, Model model, RedirectAttributes flash,
                        FormErrors errors, WorkTypeForm form, WorkTypes.@Nullable VersionedWorkType current, String basedOn) {
        if (definition == null) {
            return form(model, client, current, basedOn, form, errors);
        }
        try {
            WorkTypes.VersionedWorkType defined = workTypes.define(client.id(), definition, basedOnVersion(basedOn));
            flash.addFlashAttribute("notice", defined.definition().name() + " version " + defined.version()
                    + " is saved: new work takes it" + (current == null ? "." : "; items raised before keep version "
                    + current.version() + "."));
            return "redirect:/admin/work-types/" + client.id() + "/" + defined.definition().code();
        } catch (BusinessRuleViolation e) {
            if (e instanceof NotFound || e.status() == 403) {
                throw e;
            }
            if (e.code().equals("work-type-changed") && current != null) {
                // someone saved a version since this page was read: say so rather than replace theirs unseen
                WorkTypes.VersionedWorkType latest = workTypes.current(client.id(), current.definition().code());
                errors.addGeneral("Version " + latest.version() + " was saved by someone else after you opened this page. "
                        + "Your changes are kept below; look at the work type's current version, then save again to replace it.");
                return form(model, client, latest, String.valueOf(latest.version()), form, errors);
            }
            return form(model, client, current, basedOn, form, errors.add(e, List.of("code", "name")));
        } catch (IllegalArgumentException e) {
            return form(model, client, current, basedOn, form, errors.addGeneral("The work type is not valid: " + e.getMessage() + "."));
        }
    }

    /** The version the page was opened on; 0 for a new work type, none when the page did not say. */
    private static @Nullable Integer basedOnVersion(String basedOn) {
        if (basedOn.isEmpty()) {
            return 0;
        }
        try {
            return Integer.valueOf(basedOn);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String form(Model model, Client client, WorkTypes.@Nullable VersionedWorkType current, String basedOn,
                        WorkTypeForm form, FormErrors errors) {
        model.addAttribute("client", client);
        model.addAttribute("current", current);
        model.addAttribute("openBefore", current == null ? List.of()
                : workTypes.openBefore(client.id(), current.definition().code(), current.version()));
        model.addAttribute("basedOnVersion", basedOn);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("categories", StateCategory.values());
        model.addAttribute("fieldTypes", FieldType.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("maxRows", WorkTypeForm.MAX_ROWS);
        return "admin/work-type-form";
    }
}
