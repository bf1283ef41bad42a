package org.openbpo.web.ui;

import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.ClientStatus;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The dashboard: where a user lands after login, with what they can do from here. */
@Controller
class HomePage {

    private static final int USER_COUNT_LIMIT = 500;

    private final Clients clients;
    private final Users users;

    HomePage(Clients clients, Users users) {
        this.clients = clients;
        this.users = users;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        if (user.providerStaff()) {
            List<Client> visible = clients.page(null, ShellAdvice.SWITCHER_LIMIT);
            Map<ClientStatus, Long> byStatus = new EnumMap<>(ClientStatus.class);
            for (ClientStatus status : ClientStatus.values()) {
                byStatus.put(status, visible.stream().filter(c -> c.status() == status).count());
            }
            model.addAttribute("clientCount", visible.size());
            model.addAttribute("clientsByStatus", byStatus);
            model.addAttribute("recentClients", visible.stream()
                    .sorted((a, b) -> b.createdAt().compareTo(a.createdAt())).limit(6).toList());
        } else {
            model.addAttribute("ownClient", clients.get(user.clientId()));
            if (user.has(Role.CLIENT_ADMINISTRATOR)) {
                model.addAttribute("userCount", users.page(user.clientId(), null, USER_COUNT_LIMIT, user).size());
            }
        }
        return "home";
    }
}
