package org.openbpo.shared.database;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Starts every transaction by telling PostgreSQL which clients it may see, and, for a transaction
 * labelled {@link GenericPlans#LABEL}, to plan its prepared statements once for every value, in
 * the same statement. The settings are transaction-local, so a pooled connection never carries
 * them into the next transaction.
 */
public class TenantTransactions extends JdbcTransactionManager {

    private static final String TENANT = "select set_config('openbpo.clients', ?, true)";

    public TenantTransactions(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        boolean genericPlans = definition instanceof TransactionAttribute attribute
                && attribute.getLabels().contains(GenericPlans.LABEL);
        try (PreparedStatement statement = connection.prepareStatement(
                genericPlans ? TENANT + ", " + GenericPlans.SETTING : TENANT)) {
            statement.setString(1, TenantScope.current().setting());
            statement.execute();
        }
        if (genericPlans) {
            GenericPlans.markInForce();
        }
    }

    /** A transaction suspended for another (REQUIRES_NEW) takes its generic-plans mark along, and gets it back. */
    private record Suspended(@Nullable Object resources, @Nullable Object genericPlans) {
    }

    @Override
    protected Object doSuspend(Object transaction) {
        return new Suspended(super.doSuspend(transaction),
                TransactionSynchronizationManager.unbindResourceIfPossible(GenericPlans.IN_FORCE));
    }

    @Override
    protected void doResume(@Nullable Object transaction, Object suspendedResources) {
        Suspended suspended = (Suspended) suspendedResources;
        super.doResume(transaction, suspended.resources());
        if (suspended.genericPlans() != null) {
            TransactionSynchronizationManager.unbindResourceIfPossible(GenericPlans.IN_FORCE);
            TransactionSynchronizationManager.bindResource(GenericPlans.IN_FORCE, suspended.genericPlans());
        }
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TransactionSynchronizationManager.unbindResourceIfPossible(GenericPlans.IN_FORCE);
        super.doCleanupAfterCompletion(transaction);
    }
}
