package org.openbpo.web.ui;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.support.ChannelSettings;
import org.openbpo.support.ConfigureChannel;
import org.openbpo.support.MailSecurity;
import org.openbpo.support.MailServer;
import org.openbpo.support.ServerAccess;
import org.openbpo.support.SupportChannels;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client's support channel, set up by the provider's administrators: the service line it serves, its
 * addresses, its mail servers (passwords are never shown, and kept when left blank), its name on our answers
 * and the public web form. Saved through the same facade and the same validation as the API.
 */
@Controller
@RequestMapping("/admin/clients/{clientId}/support-channel")
class SupportChannelPages {

    /** The inputs a problem can be shown beside; the names are the API's, so its validation paths match. */
    private static final List<String> FIELDS = List.of("serviceLine", "inboundAddress", "fromAddress", "displayName",
            "signature", "brandColour", "imap.host", "imap.port", "imap.security", "imap.username", "imap.password",
            "smtp.host", "smtp.port", "smtp.security", "smtp.username", "smtp.password");
    private static final Map<String, String> DEFAULT_SERVERS = Map.of("imap.port", "993", "imap.security", "TLS",
            "smtp.port", "587", "smtp.security", "STARTTLS");

    private final SupportChannels channels;
    private final Clients clients;
    private final Validator validator;

    SupportChannelPages(SupportChannels channels, Clients clients, Validator validator) {
        this.channels = channels;
        this.clients = clients;
        this.validator = validator;
    }

    static boolean maySetUp(CurrentUser user) {
        return user.providerStaff() && user.has(Role.ADMINISTRATOR);
    }

    @GetMapping
    String page(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user, Model model) {
        Client client = permitted(clientId, user);
        ChannelSettings settings = channels.find(clientId, user).orElse(null);
        return page(model, client, settings, settings == null ? fresh(client) : formOf(settings), FormErrors.none(), user);
    }

    @PostMapping
    String save(@PathVariable UUID clientId, @RequestParam Map<String, String> form, @AuthenticationPrincipal CurrentUser user,
                Model model, RedirectAttributes flash) {
        Client client = permitted(clientId, user);
        FormErrors errors = FormErrors.none();
        ConfigureChannel command = read(form, errors);
        for (ConstraintViolation<ConfigureChannel> violation : validator.validate(command)) {
            errors.add(violation.getPropertyPath().toString(), violation.getMessage());
        }
        if (!errors.any()) {
            try {
                channels.configure(clientId, command, user);
                flash.addFlashAttribute("notice", "The support channel of " + client.name() + " is saved.");
                return "redirect:/admin/clients/" + clientId + "/support-channel";
            } catch (BusinessRuleViolation refused) {
                if (refused.status() == 403 || refused.status() == 404) {
                    throw refused;
                }
                errors.add(refused, FIELDS);
            }
        }
        return page(model, client, channels.find(clientId, user).orElse(null), form, errors, user);
    }

    private String page(Model model, Client client, @Nullable ChannelSettings settings, Map<String, String> form, FormErrors errors,
                        CurrentUser user) {
        model.addAttribute("client", client);
        model.addAttribute("settings", settings);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("lines", channels.supportLines(client.id(), user));
        model.addAttribute("securities", MailSecurity.values());
        model.addAttribute("mailbox", settings == null ? null : channels.findMailbox(client.id(), user).orElse(null));
        model.addAttribute("formAddress", ServletUriComponentsBuilder.fromCurrentContextPath().path("/forms/{code}/support")
                .buildAndExpand(client.code()).toUriString());
        return "admin/support-channel";
    }

    /** The client, when the person may set up its channel; another client's id is not found, as everywhere. */
    private Client permitted(UUID clientId, CurrentUser user) {
        Client client = clients.get(clientId);
        if (!maySetUp(user)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's administrators set up support channels.");
        }
        return client;
    }

    /**
     * The command the form describes. A server whose port or security cannot be read is noted in the errors and left out,
     * so the rest is still checked and every problem is shown at once.
     */
    private static ConfigureChannel read(Map<String, String> form, FormErrors errors) {
        String colour = value(form, "brandColour");
        return new ConfigureChannel(value(form, "serviceLine"), value(form, "inboundAddress"), server(form, "imap", errors),
                server(form, "smtp", errors), value(form, "fromAddress"), value(form, "displayName"), value(form, "signature"),
                colour.isEmpty() ? null : colour, form.containsKey("webForm"));
    }

    /** A mail server, or none when its host is left empty; a blank password keeps the stored one, unless it is to be forgotten. */
    private static @Nullable ServerAccess server(Map<String, String> form, String name, FormErrors errors) {
        String host = value(form, name + ".host");
        if (host.isEmpty()) {
            return null;
        }
        Integer port = null;
        try {
            port = Integer.parseInt(value(form, name + ".port"));
        } catch (NumberFormatException e) {
            errors.add(name + ".port", "must be a whole number between 1 and 65535");
        }
        MailSecurity security = null;
        try {
            security = MailSecurity.valueOf(value(form, name + ".security"));
        } catch (IllegalArgumentException e) {
            errors.add(name + ".security", "choose TLS, STARTTLS or none");
        }
        String password = form.getOrDefault(name + ".password", ""); // as typed: spaces may belong to it
        if (form.containsKey(name + ".forgetPassword")) {
            password = "";
        } else if (password.isEmpty()) {
            password = null;
        }
        String username = value(form, name + ".username");
        return port == null || security == null ? null
                : new ServerAccess(host, port, security, username.isEmpty() ? null : username, password);
    }

    /** A new channel's form: the usual ports of each server, and the client's name on the answers. */
    private static Map<String, String> fresh(Client client) {
        Map<String, String> form = new HashMap<>(DEFAULT_SERVERS);
        form.put("displayName", client.name() + " Support");
        return form;
    }

    private static Map<String, String> formOf(ChannelSettings settings) {
        Map<String, String> form = new HashMap<>(DEFAULT_SERVERS);
        form.put("serviceLine", settings.serviceLine());
        form.put("inboundAddress", settings.inboundAddress());
        form.put("fromAddress", settings.fromAddress());
        form.put("displayName", settings.displayName());
        form.put("signature", settings.signature());
        form.put("brandColour", settings.brandColour() == null ? "" : settings.brandColour());
        if (settings.webForm()) {
            form.put("webForm", "on");
        }
        server(form, "imap", settings.imap());
        server(form, "smtp", settings.smtp());
        return form;
    }

    private static void server(Map<String, String> form, String name, @Nullable MailServer server) {
        if (server != null) {
            form.put(name + ".host", server.host());
            form.put(name + ".port", String.valueOf(server.port()));
            form.put(name + ".security", server.security().name());
            form.put(name + ".username", server.username() == null ? "" : server.username());
        }
    }

    private static String value(Map<String, String> form, String name) {
        String value = form.get(name);
        return value == null ? "" : value.strip();
    }
}
