package org.openbpo.workforce;

import org.openbpo.shared.database.TenantSetting;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a change to provider-owned rows (centres, agent profiles, presence) after the caller was
 * authorised in Java. Their audit records go to the provider's chain, which row-level security
 * shows only to the provider-wide scope; an agent limited to two clients must still be able to
 * sign in. So the change gets its own transaction in the provider scope. It touches no client's
 * rows. Inside an existing transaction (an API request under an Idempotency-Key, demo data, other
 * modules) it joins it, in the provider scope for the change only.
 */
@Component
class ProviderOwnedChanges {

    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;

    ProviderOwnedChanges(TransactionTemplate transactions, JdbcClient jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    <T> T apply(Supplier<T> change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return TenantSetting.within(jdbc, AllowedClients.ALL, change);
        }
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> change.get()));
    }
}
