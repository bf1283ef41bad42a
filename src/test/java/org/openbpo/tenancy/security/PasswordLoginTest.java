package org.openbpo.tenancy.security;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordLoginTest extends IntegrationTest {

    @Autowired
    PasswordLogin login;

    @Autowired
    Users users;

    @Test
    void theRightPasswordLogsInAndStoredHashesAreAdaptive() {
        CurrentUser admin = providerAdministrator();
        var authentication = login.authenticate(attempt(admin.email(), "correct horse battery"));
        assertThat(((CurrentUser) authentication.getPrincipal()).id()).isEqualTo(admin.id());
        assertThat(authentication.getAuthorities()).extracting(Object::toString).contains("ROLE_ADMINISTRATOR");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOneUntilTheLockOutEnds() {
        CurrentUser admin = providerAdministrator();
        for (int i = 1; i < PasswordLogin.MAX_FAILURES; i++) {
            assertThatThrownBy(() -> login.authenticate(attempt(admin.email(), "wrong password")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThatThrownBy(() -> login.authenticate(attempt(admin.email(), "wrong password")))
                .isInstanceOf(LockedException.class);
        assertThatThrownBy(() -> login.authenticate(attempt(admin.email(), "correct horse battery")))
                .isInstanceOf(LockedException.class);

        clock.advance(PasswordLogin.LOCK_OUT.plus(Duration.ofSeconds(1)));
        assertThat(login.authenticate(attempt(admin.email(), "correct horse battery")).isAuthenticated()).isTrue();
    }

    @Test
    void wrongPasswordsTriedAllAtOnceEachCountTowardsTheLockOut() throws Exception {
        CurrentUser admin = providerAdministrator();
        String email = unique("guessed") + "@provider.test";
        TenantScope.run(AllowedClients.ALL, () -> users.invite(new InviteUser(null, email, "Guessed At", "the right password",
                Set.of(Role.AGENT), true, null), admin));
        int attempts = 4 * PasswordLogin.MAX_FAILURES;
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService guessers = Executors.newFixedThreadPool(attempts)) {
            List<Future<?>> guesses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                guesses.add(guessers.submit(() -> {
                    start.await();
                    assertThatThrownBy(() -> login.authenticate(attempt(email, "a wrong guess")))
                            .isInstanceOfAny(BadCredentialsException.class, LockedException.class);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> guess : guesses) {
                guess.get();
            }
        }
        assertThatThrownBy(() -> login.authenticate(attempt(email, "the right password"))).isInstanceOf(LockedException.class);
    }

    @Test
    void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        assertThatThrownBy(() -> login.authenticate(attempt("nobody@nowhere.test", "whatever it is")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Wrong email or password.");
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
