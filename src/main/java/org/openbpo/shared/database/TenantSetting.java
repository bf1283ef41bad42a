package org.openbpo.shared.database;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.function.Supplier;

/**
 * Changes the clients the current transaction may see for a part of it. {@link TenantTransactions}
 * sets them when a transaction starts; work that joins a transaction someone else started (an API
 * request under an Idempotency-Key runs in one) and needs another scope sets it here, and the
 * caller's scope is back afterwards, also when the work throws.
 */
public final class TenantSetting {

    private TenantSetting() {
    }

    public static <T> T within(JdbcClient jdbc, AllowedClients scope, Supplier<T> work) {
        String callers = jdbc.sql("select current_setting('openbpo.clients', true)").query(String.class).single();
        set(jdbc, scope.setting());
        T result;
        try {
            result = TenantScope.call(scope, work::get);
        } catch (RuntimeException | Error failed) {
            try {
                set(jdbc, callers);
            } catch (RuntimeException transactionAborted) {
                failed.addSuppressed(transactionAborted); // the transaction rolls back, and its setting with it
            }
            throw failed;
        }
        set(jdbc, callers);
        return result;
    }

    private static void set(JdbcClient jdbc, String clients) {
        jdbc.sql("select set_config('openbpo.clients', ?, true)").param(clients).query(String.class).single();
    }
}
