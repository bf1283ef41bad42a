package org.openbpo.workforce;

import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Runs a change to provider-owned rows (centres, agent profiles, presence) after the caller was
 * authorised in Java. Their audit records go to the provider's chain, which row-level security
 * shows only to the provider-wide scope; an agent limited to two clients must still be able to
 * sign in. So the change gets its own transaction in the provider scope. It touches no client's
 * rows. Inside an existing transaction (demo data, other modules) it joins, and that scope decides.
 */
@Component
class ProviderOwnedChanges {

    private final TransactionTemplate transactions;

    ProviderOwnedChanges(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    <T> T apply(Supplier<T> change) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return change.get();
        }
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx -> change.get()));
    }
}
