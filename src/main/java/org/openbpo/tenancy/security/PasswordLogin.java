package org.openbpo.tenancy.security;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.UserStatus;
import org.openbpo.tenancy.persistence.UserRows;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Password login with lock-out: after {@value #MAX_FAILURES} wrong passwords in a row the account
 * is locked for {@link #LOCK_OUT}. Unknown emails cost the same hashing work as known ones.
 */
@Component
class PasswordLogin implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    static final Duration LOCK_OUT = Duration.ofMinutes(15);

    private final UserRows users;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String dummyHash;

    PasswordLogin(UserRows users, PasswordEncoder passwords, TransactionTemplate transactions, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.transactions = transactions;
        this.clock = clock;
        this.dummyHash = passwords.encode("not-a-real-password");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        Outcome outcome = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> check(email, password)));
        if (outcome == null || outcome.user() == null) {
            throw outcome == null ? new BadCredentialsException("Wrong email or password.") : outcome.refusal();
        }
        CurrentUser user = outcome.user();
        var authorities = user.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    /** Either the user or why not; returned, not thrown, so the failure counter commits. */
    private record Outcome(@Nullable CurrentUser user, @Nullable AuthenticationException refusal) {
        static Outcome refused(AuthenticationException refusal) {
            return new Outcome(null, refusal);
        }
    }

    private Outcome check(String email, String password) {
        var found = users.credentials(email);
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            return Outcome.refused(new BadCredentialsException("Wrong email or password."));
        }
        var credentials = found.get();
        Instant now = clock.instant();
        if (credentials.lockedUntil() != null && now.isBefore(credentials.lockedUntil())) {
            return Outcome.refused(new LockedException("This account is locked after repeated failed logins; try again later."));
        }
        if (!passwords.matches(password, credentials.passwordHash())) {
            boolean locked = users.recordFailedLogin(credentials.user().id(), MAX_FAILURES, now.plus(LOCK_OUT))
                    .filter(now::isBefore).isPresent();
            return Outcome.refused(locked
                    ? new LockedException("This account is locked after repeated failed logins; try again later.")
                    : new BadCredentialsException("Wrong email or password."));
        }
        if (credentials.user().status() != UserStatus.ACTIVE) {
            return Outcome.refused(new DisabledException("This account is disabled."));
        }
        users.recordSuccessfulLogin(credentials.user().id(), now);
        return new Outcome(CurrentUser.of(credentials.user()), null);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
