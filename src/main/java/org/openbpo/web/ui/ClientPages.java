package org.openbpo.web.ui;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.TimeZone;
import java.util.UUID;

/** Provider administration of clients: the list, taking a client on, changing its details. */
@Controller
@RequestMapping("/admin/clients")
class ClientPages {

    static final int PAGE_SIZE = 20;
    private static final List<String> FIELDS = List.of("code", "name", "legalEntity", "country", "timeZone",
            "currency", "status");

    private final Clients clients;

    ClientPages(Clients clients) {
        this.clients = clients;
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String cursor, @AuthenticationPrincipal CurrentUser user,
                Model model) {
        requireAdministrator(user);
        CursorPage<Client> page = CursorPage.of(clients.page(CursorPage.decode(cursor), PAGE_SIZE + 1), PAGE_SIZE,
                Client::code);
        model.addAttribute("page", page);
        model.addAttribute("firstPage", cursor == null || cursor.isBlank());
        model.addAttribute("mayRegister", user.providerAdministrator());
        return "admin/clients";
    }

    @GetMapping("/new")
    String newClient(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireProviderAdministrator(user);
        return form(model, null, new RegisterClient("", "", "", "", "", "", ClientStatus.ONBOARDING), FormErrors.none());
    }

    @PostMapping
    String register(@Valid @ModelAttribute("form") RegisterClient form, BindingResult binding,
                    @AuthenticationPrincipal CurrentUser user, Model model, RedirectAttributes flash) {
        requireProviderAdministrator(user);
        if (binding.hasErrors()) {
            return form(model, null, form, FormErrors.of(binding));
        }
        try {
            Client client = clients.register(form);
            flash.addFlashAttribute("notice", "Client " + client.name() + " (" + client.code() + ") registered.");
            return "redirect:/admin/clients";
        } catch (BusinessRuleViolation e) {
            return form(model, null, form, FormErrors.none().add(e, FIELDS));
        }
    }

    @GetMapping("/{clientId}/edit")
    String edit(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Client client = clients.get(clientId);
        requireProviderAdministrator(user);
        RegisterClient form = new RegisterClient(client.code(), client.name(), client.legalEntity(), client.country(),
                client.timeZone().getId(), client.currency().getCurrencyCode(), client.status());
        return form(model, client, form, FormErrors.none());
    }

    @PostMapping("/{clientId}")
    String update(@PathVariable UUID clientId, @Valid @ModelAttribute("form") RegisterClient form,
                  BindingResult binding, @AuthenticationPrincipal CurrentUser user, Model model,
                  RedirectAttributes flash) {
        Client client = clients.get(clientId);
        requireProviderAdministrator(user);
        if (binding.hasErrors()) {
            return form(model, client, form, FormErrors.of(binding));
        }
        try {
            Client saved = clients.update(clientId, form);
            flash.addFlashAttribute("notice", "Client " + saved.name() + " saved.");
            return "redirect:/admin/clients";
        } catch (BusinessRuleViolation e) {
            return form(model, client, form, FormErrors.none().add(e, FIELDS));
        }
    }

    private static String form(Model model, @Nullable Client client, RegisterClient form, FormErrors errors) {
        model.addAttribute("client", client);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("statuses", ClientStatus.values());
        model.addAttribute("timeZones", TimeZone.getAvailableIDs());
        return "admin/client-form";
    }

    static void requireAdministrator(CurrentUser user) {
        if (!(user.providerStaff() && user.has(Role.ADMINISTRATOR))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's administrators manage clients.");
        }
    }

    private static void requireProviderAdministrator(CurrentUser user) {
        if (!user.providerAdministrator()) {
            throw new BusinessRuleViolation(403, "forbidden", null,
                    "Only administrators who serve all clients take clients on or change them.");
        }
    }
}
