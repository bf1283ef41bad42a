package org.openbpo.tenancy;

import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.persistence.UserRows;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Set;

/** Creates the provider's first administrator, the one user nobody else can invite. */
@Service
public class ProviderBootstrap {

    private final UserRows users;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final Clock clock;

    ProviderBootstrap(UserRows users, PasswordEncoder passwords, AuditTrail audit, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Requires the system scope: it runs before anyone can log in. */
    @Transactional
    public CurrentUser firstAdministrator(String email, String displayName, String password) {
        var existing = users.credentials(email);
        if (existing.isPresent()) {
            return CurrentUser.of(existing.get().user());
        }
        User admin = new User(Ids.next(), null, email, displayName, Set.of(Role.ADMINISTRATOR), true, Set.of(),
                UserStatus.ACTIVE, clock.instant());
        users.insert(admin, passwords.encode(password));
        audit.record(null, "user.bootstrapped", "user", admin.id(), null, admin);
        return CurrentUser.of(admin);
    }
}
