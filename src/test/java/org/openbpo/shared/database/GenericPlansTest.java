package org.openbpo.shared.database;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction labelled for generic plans has them from its first statement; any other gets them
 * when it asks, for itself only: not the next transaction on the connection, not a transaction it
 * suspends, and it keeps them across one it suspends.
 */
class GenericPlansTest extends IntegrationTest {

    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aLabelledTransactionPlansGenericallyFromItsFirstStatement() {
        TenantScope.run(AllowedClients.ALL, () -> {
            TransactionStatus labelled = transactionManager.getTransaction(attribute(true, TransactionDefinition.PROPAGATION_REQUIRED));
            assertThat(planCacheMode()).isEqualTo("force_generic_plan");
            assertThat(TransactionSynchronizationManager.hasResource(GenericPlans.IN_FORCE)).isTrue();
            transactionManager.commit(labelled);

            TransactionStatus plain = transactionManager.getTransaction(attribute(false, TransactionDefinition.PROPAGATION_REQUIRED));
            assertThat(planCacheMode()).isEqualTo("auto");
            assertThat(TransactionSynchronizationManager.hasResource(GenericPlans.IN_FORCE)).isFalse();
            transactionManager.commit(plain);
        });
    }

    @Test
    void anyOtherTransactionGetsThemWhenItAsksAndOnlyUntilItEnds() {
        TenantScope.run(AllowedClients.ALL, () -> {
            for (int round = 0; round < 2; round++) {
                TransactionStatus plain = transactionManager.getTransaction(attribute(false, TransactionDefinition.PROPAGATION_REQUIRED));
                assertThat(planCacheMode()).isEqualTo("auto");
                GenericPlans.ensure(jdbc);
                assertThat(planCacheMode()).isEqualTo("force_generic_plan");
                transactionManager.rollback(plain);
                assertThat(TransactionSynchronizationManager.hasResource(GenericPlans.IN_FORCE)).isFalse();
            }
        });
    }

    @Test
    void aTransactionSuspendedForAnotherKeepsThemAndDoesNotLendThem() {
        TenantScope.run(AllowedClients.ALL, () -> {
            TransactionStatus outer = transactionManager.getTransaction(attribute(true, TransactionDefinition.PROPAGATION_REQUIRED));
            TransactionStatus inner = transactionManager.getTransaction(attribute(false, TransactionDefinition.PROPAGATION_REQUIRES_NEW));
            assertThat(planCacheMode()).isEqualTo("auto");
            GenericPlans.ensure(jdbc); // would be skipped if the outer transaction's mark had been lent
            assertThat(planCacheMode()).isEqualTo("force_generic_plan");
            transactionManager.commit(inner);

            assertThat(TransactionSynchronizationManager.hasResource(GenericPlans.IN_FORCE)).isTrue();
            assertThat(planCacheMode()).isEqualTo("force_generic_plan");
            transactionManager.commit(outer);
            assertThat(TransactionSynchronizationManager.hasResource(GenericPlans.IN_FORCE)).isFalse();
        });
    }

    private String planCacheMode() {
        return jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single();
    }

    private static DefaultTransactionAttribute attribute(boolean genericPlans, int propagation) {
        DefaultTransactionAttribute attribute = new DefaultTransactionAttribute(propagation);
        if (genericPlans) {
            attribute.setLabels(List.of(GenericPlans.LABEL));
        }
        return attribute;
    }
}
