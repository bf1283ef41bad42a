package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.net.URI;
import java.util.UUID;

/** Lets provider staff choose the client they work for; an empty choice means all their clients. */
@Controller
class ClientSwitcher {

    private final Clients clients;

    ClientSwitcher(Clients clients) {
        this.clients = clients;
    }

    @PostMapping("/active-client")
    String switchTo(@RequestParam(required = false) @Nullable UUID clientId,
                    @AuthenticationPrincipal CurrentUser user, HttpSession session, HttpServletRequest request) {
        if (clientId == null || !user.providerStaff()) {
            ActiveClient.forget(session);
        } else {
            // get() runs under the user's own scope, so a client they may not see is a 404
            ActiveClient.of(clients.get(clientId)).keepIn(session);
        }
        return "redirect:" + backTo(request.getHeader("Referer"));
    }

    /** Back to the page the switch was made on, but only ever on this site. */
    private static String backTo(@Nullable String referer) {
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            String path = uri.getRawPath();
            return path == null || path.isEmpty() || !path.startsWith("/") || path.startsWith("//") ? "/" : path;
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
