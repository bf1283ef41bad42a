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
 * (a negative percentage naming the month it earns back) becomes an {@link EarnBacks earn-back}: a
 * positive line on the invoice of the signed-off month, capped at what the window's credits took off;
 * its source key names the contract, month, service line, credited month and its place in the event.
 */
@Component
class ScorecardCredits {

    private static final Logger LOG = LoggerFactory.getLogger(ScorecardCredits.class);

    private final ServiceCredits credits;
    private final EarnBacks earnBacks;
    private final TransactionTemplate transactions;

    ScorecardCredits(ServiceCredits credits, EarnBacks earnBacks, TransactionTemplate transactions) {
        this.credits = credits;
        this.earnBacks = earnBacks;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    public void on(ScorecardSignedOff signedOff) {
        TenantScope.run(AllowedClients.only(signedOff.clientId()), () -> transactions.executeWithoutResult(tx -> {
            int place = 0;
            for (CreditOwed owed : signedOff.credits()) {
                place++;
                if (owed.percent().signum() == 0) {
                    continue;
                }
                if (owed.percent().signum() < 0) {
                    if (owed.earnsBack() == null) {
                        LOG.warn("Scorecard {} {} {}: an earn-back of {}% names no month; left to the billing analyst ({})",
                                signedOff.contractId(), signedOff.period(), owed.serviceLine(), owed.percent(), owed.reason());
                        continue;
                    }
                    earnBacks.grant(signedOff.clientId(), signedOff.period(), owed.serviceLine(), owed.percent().negate(),
                            owed.earnsBack(), owed.reason(), "scorecard:" + signedOff.contractId() + ":" + signedOff.period() + ":"
                                    + owed.serviceLine() + ":earn-back:" + owed.earnsBack() + ":" + place);
                    continue;
                }
                credits.grant(signedOff.clientId(), signedOff.period(), owed.serviceLine(), owed.percent(), owed.reason(),
                        "scorecard:" + signedOff.contractId() + ":" + signedOff.period() + ":" + owed.serviceLine());
            }
        }));
    }
}
