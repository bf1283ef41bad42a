package org.openbpo.shared.database;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A part of a transaction runs in another client scope, and the caller's is back after it, also when it throws. */
class TenantSettingTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theScopeIsWidenedForThePartOnlyAndComesBackAfterAFailure() {
        UUID one = UUID.randomUUID();
        TenantScope.run(AllowedClients.only(one), () -> transactions.executeWithoutResult(tx -> {
            assertThat(setting()).isEqualTo(one.toString());

            String inside = TenantSetting.within(jdbc, AllowedClients.ALL, () -> {
                assertThat(TenantScope.current().includes(UUID.randomUUID())).isTrue();
                return setting();
            });
            assertThat(inside).isEqualTo("*");
            assertThat(setting()).isEqualTo(one.toString());
            assertThat(TenantScope.current().includes(UUID.randomUUID())).isFalse();

            assertThatThrownBy(() -> TenantSetting.within(jdbc, AllowedClients.ALL, () -> {
                throw new IllegalStateException("refused");
            })).hasMessage("refused");
            assertThat(setting()).isEqualTo(one.toString());
        }));
    }

    private String setting() {
        return jdbc.sql("select current_setting('openbpo.clients', true)").query(String.class).single();
    }
}
