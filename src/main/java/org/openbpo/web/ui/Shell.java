package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What the layout around every page shows: who is logged in, their menu and their clients; {@code moreClients}
 * counts those the switcher cannot list, which its search finds.
 */
public record Shell(CurrentUser user, Navigation navigation, List<Client> switchable, int moreClients,
                    @Nullable ActiveClient activeClient, String path) {

    public String roleLabels() {
        return user.roles().stream().map(Role::label).sorted().collect(Collectors.joining(", "));
    }

    public String initials() {
        String[] words = user.displayName().strip().split("\\s+");
        String first = words[0].isEmpty() ? "?" : words[0].substring(0, 1);
        String last = words.length > 1 ? words[words.length - 1].substring(0, 1) : "";
        return (first + last).toUpperCase();
    }

    public boolean maySwitchClient() {
        return user.providerStaff();
    }
}
