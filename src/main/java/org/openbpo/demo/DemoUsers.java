package org.openbpo.demo;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

/** The demo's people, found by email among all of a client's users (or the provider's staff), page by page. */
final class DemoUsers {

    private static final int PAGE = 200;

    private DemoUsers() {
    }

    static CurrentUser find(Users users, @Nullable UUID client, String email, CurrentUser admin) {
        UUID after = null;
        List<User> page;
        do {
            page = users.page(client, after, PAGE, admin);
            for (User user : page) {
                if (user.email().equals(email)) {
                    return CurrentUser.of(user);
                }
            }
            after = page.isEmpty() ? null : page.getLast().id();
        } while (page.size() == PAGE);
        throw new NoSuchElementException("The demo has no user " + email);
    }
}
