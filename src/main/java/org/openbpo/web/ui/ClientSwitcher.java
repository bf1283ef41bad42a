package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.util.UUID;

/** Lets provider staff choose the client they work for; an empty choice means all their clients. */
@Controller
class ClientSwitcher {

    private final Clients clients;
    private final ClientFocus focus;

    ClientSwitcher(Clients clients, ClientFocus focus) {
        this.clients = clients;
        this.focus = focus;
    }

    /** Finds a client to switch to among all the user serves, for when the top bar's list cannot show them all. */
    @GetMapping("/active-client")
    String find(@RequestParam(required = false) @Nullable String to, @AuthenticationPrincipal CurrentUser user, Model model) {
        String page = onThisSite(to, true);
        if (!user.providerStaff()) {
            return "redirect:" + page;
        }
        return focus.pick(model, "Switch client", page, "/active-client", null);
    }

    /** Switches, then goes on to {@code to} (the pick page's and a link's page), else back to the page it was made on. */
    @PostMapping("/active-client")
    String switchTo(@RequestParam(required = false) @Nullable UUID clientId, @RequestParam(required = false) @Nullable String to,
                    @AuthenticationPrincipal CurrentUser user, HttpSession session, HttpServletRequest request) {
        if (clientId == null || !user.providerStaff()) {
            ActiveClient.forget(session);
        } else {
            // get() runs under the user's own scope, so a client they may not see is a 404
            ActiveClient.of(clients.get(clientId)).keepIn(session);
        }
        return "redirect:" + (to != null ? onThisSite(to, true) : onThisSite(request.getHeader("Referer"), false));
    }

    /** The path of the address (with its query if asked), but only ever on this site. */
    private static String onThisSite(@Nullable String address, boolean withQuery) {
        if (address == null) {
            return "/";
        }
        try {
            URI uri = URI.create(address);
            String path = uri.getRawPath();
            if (path == null || path.isEmpty() || !path.startsWith("/") || path.startsWith("//")) {
                return "/";
            }
            return withQuery && uri.getRawQuery() != null ? path + "?" + uri.getRawQuery() : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
