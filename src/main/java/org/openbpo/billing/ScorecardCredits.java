package org.openbpo.billing;

import org.openbpo.quality.CreditOwed;
import org.openbpo.quality.ScorecardSignedOff;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When the provider signs off a contract's month, the service credits its scorecard computed
 * become credits on that month's fees, netted by the next invoice drafted. The source key names
 * the contract, month and service line, so a redelivered event grants nothing twice. An earn-back
 * (a negative percentage) is not granted here: billing only ever credits, so the scorecard's
 * explanation is what the billing analyst works from.
 */
@Component
class ScorecardCredits {

    private static final Logger LOG = LoggerFactory.getLogger(ScorecardCredits.class);

    private final ServiceCredits credits;
    private final TransactionTemplate transactions;

    ScorecardCredits(ServiceCredits credits, TransactionTemplate transactions) {
        this.credits = credits;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    public void on(ScorecardSignedOff signedOff) {
        TenantScope.run(AllowedClients.only(signedOff.clientId()), () -> transactions.executeWithoutResult(tx -> {
            for (CreditOwed owed : signedOff.credits()) {
                if (owed.percent().signum() <= 0) {
                    LOG.info("Scorecard {} {} {}: earn-back of {}% left to the billing analyst ({})", signedOff.contractId(),
                            signedOff.period(), owed.serviceLine(), owed.percent(), owed.reason());
                    continue;
                }
                credits.grant(signedOff.clientId(), signedOff.period(), owed.serviceLine(), owed.percent(), owed.reason(),
                        "scorecard:" + signedOff.contractId() + ":" + signedOff.period() + ":" + owed.serviceLine());
            }
        }));
    }
}
