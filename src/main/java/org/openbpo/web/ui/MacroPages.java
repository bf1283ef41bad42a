package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.support.Macro;
import org.openbpo.support.Macros;
import org.openbpo.support.WriteMacro;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.UUID;

/**
 * Writing the canned replies of the client in focus: a list, a form to write or rewrite one, and
 * a preview that fills the placeholders (from a ticket when one is named). A placeholder the
 * desk does not know is refused next to the text, before any customer could read it.
 */
@Controller
class MacroPages {

    private static final List<String> FIELDS = List.of("name", "body", "moveTo");

    /** What the form holds, also when it comes back with errors. */
    record MacroForm(String name, String body, String moveTo) {
        static MacroForm of(Macro macro) {
            return new MacroForm(macro.name(), macro.body(), macro.moveTo() == null ? "" : macro.moveTo());
        }
    }

    private final Macros macros;
    private final ClientFocus focus;

    MacroPages(Macros macros, ClientFocus focus) {
        this.macros = macros;
        this.focus = focus;
    }

    @GetMapping("/support/macros")
    String list(@RequestParam(required = false) @Nullable UUID client, @AuthenticationPrincipal CurrentUser user,
                HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        if (client != null) {
            return focus.linkTo(user, client, "/support/macros", model, request);
        }
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Macros", "/support/macros");
        }
        model.addAttribute("client", chosen);
        model.addAttribute("macros", macros.of(chosen.id(), user));
        model.addAttribute("writer", writer(user));
        return "support/macros";
    }

    @GetMapping("/support/macros/new")
    String blank(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Macros", "/support/macros");
        }
        return form(model, chosen, null, new MacroForm("", "", ""), FormErrors.none());
    }

    @GetMapping("/support/macros/{macroId}")
    String edit(@PathVariable UUID macroId, @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Macros", "/support/macros");
        }
        return form(model, chosen, macroId, MacroForm.of(macros.get(chosen.id(), macroId, user)), FormErrors.none());
    }

    @PostMapping({"/support/macros", "/support/macros/{macroId}"})
    String save(@PathVariable(required = false) @Nullable UUID macroId, @RequestParam(defaultValue = "") String name,
                @RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String moveTo,
                @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model, RedirectAttributes flash) {
        AgentWorkspacePages.requireStaff(user);
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Macros", "/support/macros");
        }
        MacroForm form = new MacroForm(name, body, moveTo);
        FormErrors errors = FormErrors.none();
        if (name.isBlank() || name.length() > 100) {
            errors.add("name", "Name the macro in up to 100 characters.");
        }
        if (body.isBlank() || body.length() > 20_000) {
            errors.add("body", "Write the reply in up to 20,000 characters.");
        }
        if (moveTo.length() > 40) {
            errors.add("moveTo", "A state code has at most 40 characters.");
        }
        if (errors.any()) {
            return form(model, chosen, macroId, form, errors);
        }
        WriteMacro command = new WriteMacro(name, body, moveTo.isBlank() ? null : moveTo);
        try {
            Macro saved = macroId == null ? macros.write(chosen.id(), command, user) : macros.rewrite(chosen.id(), macroId, command, user);
            flash.addFlashAttribute("notice", "Saved " + saved.name() + ".");
            return "redirect:/support/macros";
        } catch (BusinessRuleViolation e) {
            if (e.status() == 404) {
                throw e;
            }
            return form(model, chosen, macroId, form, errors.add(e, FIELDS));
        }
    }

    /** The text as a customer would read it; loaded into the form by htmx. */
    @PostMapping("/support/macros/preview")
    String preview(@RequestParam(defaultValue = "") String body, @RequestParam(required = false) @Nullable String ticket,
                   @AuthenticationPrincipal CurrentUser user, HttpServletRequest request, Model model) {
        AgentWorkspacePages.requireStaff(user);
        Client chosen = focus.chosen(user, request);
        if (chosen == null) {
            return focus.pick(model, "Macros", "/support/macros");
        }
        try {
            Long itemId = ticket == null || ticket.isBlank() ? null : Long.parseLong(ticket.strip().replaceFirst("(?i)^WI-", ""));
            model.addAttribute("previewText", macros.preview(chosen.id(), body, itemId, user));
        } catch (NumberFormatException e) {
            model.addAttribute("previewError", "A ticket is named by its number, such as 1234 or WI-1234.");
        } catch (BusinessRuleViolation e) {
            model.addAttribute("previewError", e.status() == 404 ? "The client has no such ticket." : e.getMessage());
        }
        return "support/macro-form :: preview";
    }

    private String form(Model model, Client client, @Nullable UUID macroId, MacroForm form, FormErrors errors) {
        model.addAttribute("client", client);
        model.addAttribute("macroId", macroId);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("placeholders", Macros.PLACEHOLDERS);
        return "support/macro-form";
    }

    private static boolean writer(CurrentUser user) {
        return user.providerStaff() && (user.has(Role.TEAM_LEAD) || user.has(Role.OPERATIONS_MANAGER) || user.has(Role.ADMINISTRATOR));
    }
}
