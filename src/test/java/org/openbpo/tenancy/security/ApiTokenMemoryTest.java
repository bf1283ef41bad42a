package org.openbpo.tenancy.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.IssuedToken;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.tenancy.persistence.PrincipalChanges;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node remembers the API tokens it checked, and forgets them whenever the database announces a
 * change to tokens or users, wherever that change was made. "Elsewhere" here is a statement the
 * test runs on a connection of its own, as another node would.
 */
class ApiTokenMemoryTest extends IntegrationTest {

    /** Well below how long a token is remembered (30 s): a refusal this soon came from the announcement. */
    private static final Duration SOON = Duration.ofSeconds(5);

    @Autowired
    ApiTokens tokens;
    @Autowired
    Users users;
    @Autowired
    PrincipalChanges changes;
    @Autowired
    MeterRegistry meters;

    CurrentUser holder;
    IssuedToken token;

    @BeforeEach
    void aTokenOfItsOwnUser() {
        CurrentUser admin = providerAdministrator();
        holder = CurrentUser.of(TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(null,
                unique("memory") + "@openbpo.test", "Token Holder", "a long enough password", Set.of(Role.ADMINISTRATOR),
                true, Set.of()), admin)));
        token = TenantScope.call(AllowedClients.ALL, () -> tokens.issue(holder, "memory", null, Duration.ofDays(1)));
        await().atMost(SOON).until(() -> changes.generation() != PrincipalChanges.NOT_LISTENING);
    }

    @Test
    void aTokenCheckedOnceIsNotReadAgain() {
        Api api = api().as(token.secret());
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        double read = checks("database");
        double remembered = checks("remembered");

        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        }

        assertThat(checks("database")).isEqualTo(read);
        assertThat(checks("remembered")).isEqualTo(remembered + 3);
    }

    @Test
    void aWrongSecretForARememberedTokenIsStillRefused() {
        assertThat(api().as(token.secret()).get("/api/v1/me").status()).isEqualTo(200);
        String forged = token.secret().substring(0, token.secret().length() - 4) + "AAAA";
        Api.Response refused = api().as(forged).get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("code")).isEqualTo("invalid-token");
    }

    @Test
    void aUserDisabledElsewhereIsRefusedOnTheNextRequests() throws SQLException {
        Api api = api().as(token.secret());
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);

        elsewhere("update tenancy.app_user set status = 'DISABLED' where id = ?", holder.id());

        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/v1/me").text("detail")).contains("disabled"));
    }

    @Test
    void aTokenRevokedElsewhereIsRefusedAfterTheListenerLostItsConnection() throws SQLException {
        Api api = api().as(token.secret());
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        long before = changes.generation();

        try (Connection superuser = TestDatabase.get().superuserConnection();
             var statement = superuser.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where query = 'listen openbpo_principals'");
        }
        await().atMost(SOON).until(() -> changes.generation() > before);
        elsewhere("update tenancy.api_token set revoked_at = now() where id = ?", token.token().id());

        await().atMost(SOON).untilAsserted(() -> assertThat(api.get("/api/v1/me").text("detail")).contains("revoked"));
    }

    @Test
    void aTokensLastUseIsNoChange() throws SQLException {
        assertThat(api().as(token.secret()).get("/api/v1/me").status()).isEqualTo(200);
        long before = changes.generation();

        elsewhere("update tenancy.api_token set last_used_at = now() where id = ?", token.token().id());
        elsewhere("update tenancy.app_user set failed_logins = 1 where id = ?", holder.id());
        elsewhere("update tenancy.api_token set revoked_at = null where id = ?", UUID.randomUUID());

        await().atMost(SOON).until(() -> changes.generation() > before);
        long after = changes.generation();
        assertThat(after - before).as("only the revocation column announces a change").isEqualTo(1);
    }

    private double checks(String read) {
        return meters.get("openbpo.api.token.checks").tag("read", read).counter().count();
    }

    private static void elsewhere(String sql, UUID id) throws SQLException {
        try (Connection superuser = TestDatabase.get().superuserConnection();
             PreparedStatement statement = superuser.prepareStatement(sql)) {
            statement.setObject(1, id);
            statement.executeUpdate();
        }
    }
}
