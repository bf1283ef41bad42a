package org.openbpo.web.ui;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.openbpo.billing.BillingMailServer;
import org.openbpo.billing.InvoiceMail;
import org.openbpo.billing.MailSecurity;
import org.openbpo.billing.SetBillingMailServer;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Map;
import java.util.TreeMap;

/**
 * The provider's outgoing mail server for invoices, set by its administrators: issued invoices go
 * through it to the clients' billing contacts, and mails queued while none was set go once it is.
 */
@Controller
class BillingMailServerPages {

    private static final String PAGE = "/billing/mail-server";

    private final InvoiceMail mail;
    private final Validator validator;

    BillingMailServerPages(InvoiceMail mail, Validator validator) {
        this.mail = mail;
        this.validator = validator;
    }

    static boolean maySetUp(CurrentUser user) {
        return user.providerAdministrator();
    }

    @GetMapping(PAGE)
    String page(@AuthenticationPrincipal CurrentUser user, Model model) {
        require(user);
        BillingMailServer server = mail.server();
        return page(model, server, server == null ? Map.of() : Map.of("host", server.host(), "port", String.valueOf(server.port()),
                "security", server.security().name(), "username", server.username() == null ? "" : server.username(),
                "fromAddress", server.fromAddress(), "fromName", server.fromName()), Map.of());
    }

    @PostMapping(PAGE)
    String save(@RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user, Model model,
                RedirectAttributes flash) {
        require(user);
        Map<String, String> errors = new TreeMap<>();
        SetBillingMailServer command = read(form, errors);
        if (command != null) {
            for (ConstraintViolation<SetBillingMailServer> violation : validator.validate(command)) {
                errors.putIfAbsent(violation.getPropertyPath().toString(), violation.getMessage());
            }
        }
        if (command == null || !errors.isEmpty()) {
            return page(model, mail.server(), form, errors);
        }
        mail.setServer(command);
        flash.addFlashAttribute("notice",
                "The billing mail server is saved. Invoice mails go through it from now on, with any that were waiting.");
        return "redirect:" + PAGE;
    }

    private String page(Model model, @Nullable BillingMailServer server, Map<String, String> form, Map<String, String> errors) {
        model.addAttribute("server", server);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("securities", MailSecurity.values());
        return "billing/mail-server";
    }

    /** The command the form describes, or null with the reasons in {@code errors} when a value cannot be read. */
    private static @Nullable SetBillingMailServer read(Map<String, String> form, Map<String, String> errors) {
        Integer port = null;
        try {
            port = Integer.parseInt(value(form, "port"));
        } catch (NumberFormatException e) {
            errors.put("port", "must be a whole number between 1 and 65535");
        }
        MailSecurity security = null;
        try {
            security = MailSecurity.valueOf(value(form, "security"));
        } catch (IllegalArgumentException e) {
            errors.put("security", "choose TLS, STARTTLS or none");
        }
        if (port == null || security == null) {
            return null;
        }
        String username = value(form, "username");
        String password = form.getOrDefault("password", ""); // as typed: spaces may belong to it
        return new SetBillingMailServer(value(form, "host"), port, security, username.isEmpty() ? null : username,
                password.isEmpty() ? null : password, value(form, "fromAddress"), value(form, "fromName"));
    }

    private static String value(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }

    private static void require(CurrentUser user) {
        if (!maySetUp(user)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's administrators set the billing mail server.");
        }
    }
}
