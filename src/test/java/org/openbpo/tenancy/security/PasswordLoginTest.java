package org.openbpo.tenancy.security;

import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordLoginTest extends IntegrationTest {

    @Autowired
    PasswordLogin login;

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
    void anUnknownEmailGetsTheSameAnswerAsAWrongPassword() {
        assertThatThrownBy(() -> login.authenticate(attempt("nobody@nowhere.test", "whatever it is")))
                .isInstanceOf(BadCredentialsException.class).hasMessage("Wrong email or password.");
    }

    private static UsernamePasswordAuthenticationToken attempt(String email, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(email, password);
    }
}
