package org.openbpo.shared.database;

import org.openbpo.shared.tenant.TenantScope;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Starts every transaction by telling PostgreSQL which clients it may see. The setting is
 * transaction-local, so a pooled connection never carries it into the next transaction.
 */
public class TenantTransactions extends JdbcTransactionManager {

    public TenantTransactions(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition)
            throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('openbpo.clients', ?, true)")) {
            statement.setString(1, TenantScope.current().setting());
            statement.execute();
        }
    }
}
