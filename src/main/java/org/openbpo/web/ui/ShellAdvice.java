package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;

/** Puts the {@link Shell} into the model of every UI page, so no controller has to. */
@ControllerAdvice(basePackageClasses = ShellAdvice.class)
class ShellAdvice {

    /** The switcher lists this many clients; beyond that a search box will be needed. */
    static final int SWITCHER_LIMIT = 200;

    private final Clients clients;

    ShellAdvice(Clients clients) {
        this.clients = clients;
    }

    @ModelAttribute("shell")
    @Nullable Shell shell(@AuthenticationPrincipal @Nullable CurrentUser user, HttpServletRequest request) {
        return user == null ? null : shellFor(user, request);
    }

    Shell shellFor(CurrentUser user, HttpServletRequest request) {
        if (!user.providerStaff()) {
            Client own = clients.get(user.clientId());
            return new Shell(user, Navigation.of(user), List.of(), ActiveClient.of(own), request.getRequestURI());
        }
        ActiveClient active = ActiveClient.in(request.getSession(false));
        if (active != null && !user.maySee(active.id())) {
            ActiveClient.forget(request.getSession());
            active = null;
        }
        return new Shell(user, Navigation.of(user), clients.page(null, SWITCHER_LIMIT), active, request.getRequestURI());
    }
}
