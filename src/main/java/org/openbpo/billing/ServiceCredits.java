package org.openbpo.billing;

import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.persistence.CreditRows;
import org.openbpo.contracts.Contracts;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * Service credits the provider owes a client: a percentage of one service line's fees for one
 * month, netted as a negative line on the next invoice drafted. The quality module (a signed-off
 * scorecard) and billing analysts grant them; the source key makes a repeated grant a no-op.
 */
@Service
public class ServiceCredits {

    private static final BigDecimal ALL_FEES = new BigDecimal("100");

    private final CreditRows credits;
    private final Contracts contracts;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceCredits(CreditRows credits, Contracts contracts, AuditTrail audit, Clock clock) {
        this.credits = credits;
        this.contracts = contracts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Grants a credit of {@code percent} of {@code serviceLine}'s fees for {@code period}. The same
     * {@code sourceKey} again returns the first credit; together a month's credits for one service
     * line never exceed 100% of its fees.
     */
    @Transactional
    public ServiceCredit grant(UUID clientId, YearMonth period, String serviceLine, BigDecimal percent, String reason,
                               String sourceKey) {
        if (contracts.of(clientId).stream().flatMap(c -> c.serviceLines().stream()).noneMatch(l -> l.code().equals(serviceLine))) {
            throw BusinessRuleViolation.invalid("serviceLine", serviceLine + " is not a service line of this client's contracts");
        }
        if (percent.signum() <= 0 || percent.compareTo(ALL_FEES) > 0) {
            throw BusinessRuleViolation.invalid("percent", "must be more than 0 and at most 100");
        }
        if (percent.stripTrailingZeros().scale() > 4) {
            throw BusinessRuleViolation.invalid("percent", "has more than four decimals");
        }
        if (reason.isBlank() || sourceKey.isBlank()) {
            throw BusinessRuleViolation.invalid(reason.isBlank() ? "reason" : "sourceKey", "must not be blank");
        }
        LocalDate month = period.atDay(1);
        credits.lockCredits(clientId, month, serviceLine);
        var earlier = credits.creditBySource(clientId, sourceKey);
        if (earlier.isPresent()) {
            ServiceCredit first = earlier.get();
            if (!first.period().equals(month) || !first.serviceLine().equals(serviceLine) || first.percent().compareTo(percent) != 0) {
                throw new BusinessRuleViolation(409, "source-key-taken", "sourceKey", "A different credit was granted with source key "
                        + sourceKey + ".");
            }
            return first;
        }
        BigDecimal granted = credits.percentGranted(clientId, month, serviceLine);
        if (granted.add(percent).compareTo(ALL_FEES) > 0) {
            throw new BusinessRuleViolation(422, "credit-beyond-cap", "percent", "Credits of " + granted.stripTrailingZeros().toPlainString()
                    + "% were granted for " + serviceLine + " in " + period + " already; another " + percent.stripTrailingZeros().toPlainString()
                    + "% would exceed all of its fees.");
        }
        ServiceCredit credit = new ServiceCredit(clientId, Ids.next(), month, serviceLine, percent, reason, sourceKey, null,
                clock.instant(), Actor.name());
        credits.insertCredit(credit);
        audit.record(clientId, "service-credit.granted", "service-credit", credit.id(), null, credit);
        return credit;
    }

    @Transactional(readOnly = true)
    public List<ServiceCredit> of(UUID clientId, LocalDate from, LocalDate to) {
        contracts.of(clientId);
        return credits.credits(clientId, from.withDayOfMonth(1), to);
    }
}
