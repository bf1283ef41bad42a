package org.openbpo.shared.database;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Prepared statements planned once for every value (PostgreSQL's {@code plan_cache_mode =
 * force_generic_plan}) for the rest of the transaction. The work engine's hot statements ask for
 * it: left to choose, PostgreSQL planned some of them afresh on every call, at a planning cost
 * above the statement's own. A transaction labelled {@link #LABEL} gets it with the tenant setting
 * that starts every transaction (see {@link TenantTransactions}), at no round trip of its own; any
 * other transaction gets it from {@link #ensure} the first time it is asked for.
 */
public final class GenericPlans {

    /** {@code @Transactional(label = GenericPlans.LABEL)}: generic plans from the transaction's first statement. */
    public static final String LABEL = "openbpo:generic-plans";

    static final String SETTING = "set_config('plan_cache_mode', 'force_generic_plan', true)";

    /** Marks, per thread, that the transaction in hand already has the setting. */
    static final Object IN_FORCE = new Object();

    private GenericPlans() {
    }

    /** Generic plans for the rest of the current transaction; a no-op when it already has them. */
    public static void ensure(JdbcClient jdbc) {
        if (TransactionSynchronizationManager.hasResource(IN_FORCE)) {
            return;
        }
        jdbc.sql("select " + SETTING).query().singleRow();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            markInForce();
        }
    }

    /** Remembered until {@link TenantTransactions} ends (or suspends) the transaction. */
    static void markInForce() {
        if (!TransactionSynchronizationManager.hasResource(IN_FORCE)) {
            TransactionSynchronizationManager.bindResource(IN_FORCE, Boolean.TRUE);
        }
    }
}
