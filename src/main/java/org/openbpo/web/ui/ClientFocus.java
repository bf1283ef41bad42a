package org.openbpo.web.ui;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Which clients a provider page shows: the one chosen in the client switcher, else all the user
 * serves. A {@code ?client=} link chooses one and remembers it, so a list of clients can lead
 * straight into one. Client users always get their own client.
 */
@Component
class ClientFocus {

    /** The most clients a page lists at once; beyond that the user picks one in the switcher. */
    static final int ALL_AT_ONCE = 200;

    private final Clients clients;

    ClientFocus(Clients clients) {
        this.clients = clients;
    }

    /** The client the page is about, or null when none is chosen. {@code chosen} comes from a link. */
    @Nullable Client chosen(CurrentUser user, @Nullable UUID chosen, HttpServletRequest request) {
        if (!user.providerStaff()) {
            return clients.get(user.clientId());
        }
        if (chosen != null) {
            Client client = clients.get(chosen); // a client the user may not see is a 404 here
            ActiveClient.of(client).keepIn(request.getSession());
            return client;
        }
        ActiveClient active = ActiveClient.in(request.getSession(false));
        return active != null && user.maySee(active.id()) ? clients.get(active.id()) : null;
    }

    /** The chosen client, or every client the user serves (up to {@link #ALL_AT_ONCE}). */
    List<Client> inView(CurrentUser user, HttpServletRequest request) {
        Client chosen = chosen(user, null, request);
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

    /** The page that asks which client an administration page should show. */
    String pick(Model model, String heading, String base) {
        model.addAttribute("heading", heading);
        model.addAttribute("base", base);
        model.addAttribute("choices", visible());
        return "admin/pick-client";
    }
}
