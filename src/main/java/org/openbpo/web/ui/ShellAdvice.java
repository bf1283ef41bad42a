package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientMatches;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.List;
import java.util.stream.Stream;

/** Puts the {@link Shell} into the model of every UI page, so no controller has to. */
@ControllerAdvice(basePackageClasses = ShellAdvice.class)
class ShellAdvice {

    /** The switcher lists this many clients; beyond that its search finds the others. */
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
            return new Shell(user, Navigation.of(user), List.of(), 0, ActiveClient.of(own), request.getRequestURI());
        }
        ActiveClient active = ActiveClient.in(request.getSession(false));
        if (active != null && !user.maySee(active.id())) {
            ActiveClient.forget(request.getSession());
            active = null;
        }
        ClientMatches first = clients.search(null, SWITCHER_LIMIT);
        return new Shell(user, Navigation.of(user), withChosen(first.listed(), active), first.more(), active, request.getRequestURI());
    }

    /** The listed clients, with the chosen one first if the list left it out, so the switcher shows the choice. */
    private List<Client> withChosen(List<Client> listed, @Nullable ActiveClient active) {
        if (active == null || listed.stream().anyMatch(c -> c.id().equals(active.id()))) {
            return listed;
        }
        return Stream.concat(Stream.of(clients.get(active.id())), listed.stream()).toList();
    }
}
