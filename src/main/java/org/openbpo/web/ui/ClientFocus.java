package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientMatches;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which clients a provider page shows: the one chosen in the client switcher, else all the user
 * serves. Only a POST changes the choice (the switcher, a choice on the pick page, a form acting on
 * a client); a {@code ?client=} link never does, since a link or an image on any page could follow
 * it. Client users always get their own client.
 */
@Component
class ClientFocus {

    /** The most clients a page lists at once; beyond that the user picks one in the switcher. */
    static final int ALL_AT_ONCE = 200;

    /** The query parameter that searches the clients on the pick page. */
    static final String SEARCH = "clientSearch";

    private final Clients clients;

    ClientFocus(Clients clients) {
        this.clients = clients;
    }

    /** The client the page is about, or null when none is chosen. */
    @Nullable Client chosen(CurrentUser user, HttpServletRequest request) {
        if (!user.providerStaff()) {
            return clients.get(user.clientId());
        }
        ActiveClient active = ActiveClient.in(request.getSession(false));
        return active != null && user.maySee(active.id()) ? clients.get(active.id()) : null;
    }

    /**
     * Makes the client the active one, as the switcher in the top bar does; for POST handlers that act
     * on a client, so the page they redirect to shows it. Never call it from a GET.
     */
    void switchTo(CurrentUser user, UUID clientId, HttpServletRequest request) {
        if (user.providerStaff()) {
            ActiveClient.of(clients.get(clientId)).keepIn(request.getSession()); // 404 for a client not served
        }
    }

    /**
     * Follows a {@code ?client=} link to {@code page} without changing the session: a link to the client
     * already chosen goes straight there; one to another client offers the switch, as a form that posts.
     */
    String linkTo(CurrentUser user, UUID clientId, String page, Model model, HttpServletRequest request) {
        Client chosen = chosen(user, request);
        if (!user.providerStaff() || chosen != null && chosen.id().equals(clientId)) {
            return "redirect:" + page;
        }
        model.addAttribute("offered", clients.get(clientId)); // 404 for a client not served
        model.addAttribute("current", chosen);
        model.addAttribute("to", page);
        return "admin/switch-client";
    }

    /** The chosen client, or every client the user serves (up to {@link #ALL_AT_ONCE}). */
    List<Client> inView(CurrentUser user, HttpServletRequest request) {
        Client chosen = chosen(user, request);
        return chosen != null ? List.of(chosen) : visible();
    }

    /** Every client the user may see; row-level security does the filtering. */
    List<Client> visible() {
        List<Client> all = new ArrayList<>();
        String after = null;
        while (all.size() < ALL_AT_ONCE) {
            List<Client> page = clients.page(after, Math.min(100, ALL_AT_ONCE - all.size()));
            all.addAll(page);
            if (page.size() < 100) {
                break;
            }
            after = page.getLast().code();
        }
        return all;
    }

    /** The page that asks which client an administration page should show, found by the request's search. */
    String pick(Model model, String heading, String base) {
        return pick(model, heading, base, null);
    }

    /** The same, without {@code offeredApart}: a client the page offers in a choice of its own. */
    String pick(Model model, String heading, String base, @Nullable UUID offeredApart) {
        return pick(model, heading, base, base, offeredApart);
    }

    /**
     * The pick page, whose choices lead to {@code base} and whose search asks {@code searchAt} (with {@code base} as
     * {@code to} when they differ). It lists the {@link #ALL_AT_ONCE} most relevant clients and says how many more it found.
     */
    String pick(Model model, String heading, String base, String searchAt, @Nullable UUID offeredApart) {
        // the page's own request, wherever the pick page is asked for (the application also runs without a web server)
        String search = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest().getParameter(SEARCH);
        ClientMatches matches = clients.search(search, ALL_AT_ONCE);
        model.addAttribute("heading", heading);
        model.addAttribute("base", base);
        model.addAttribute("searchAt", searchAt);
        model.addAttribute("search", search);
        model.addAttribute("choices", matches.listed().stream().filter(c -> !c.id().equals(offeredApart)).toList());
        model.addAttribute("more", matches.more());
        return "admin/pick-client";
    }
}
