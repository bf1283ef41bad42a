package org.openbpo.billing;

import org.openbpo.audit.AuditTrail;
import org.openbpo.billing.persistence.EarnBackRows;
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
 * Earn-backs: when a later month beats a target, the credit granted for an earlier month of the
 * earn-back window is given back as a positive line on the later month's invoice. It is a
 * percentage of the credited month's fees, never more than the window's credits took off the
 * client's invoices (less what was given back already), and granted once per source key.
 */
@Service
public class EarnBacks {

    private static final BigDecimal ALL_FEES = new BigDecimal("100");

    private final EarnBackRows rows;
    private final Contracts contracts;
    private final AuditTrail audit;
    private final Clock clock;

    EarnBacks(EarnBackRows rows, Contracts contracts, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.contracts = contracts;
        this.audit = audit;
        this.clock = clock;
    }

    /** Grants the earn-back; the same source key again returns the first one. */
    @Transactional
    public EarnBack grant(UUID clientId, YearMonth period, String serviceLine, BigDecimal percent, YearMonth creditPeriod,
                          String reason, String sourceKey) {
        if (contracts.of(clientId).stream().flatMap(c -> c.serviceLines().stream()).noneMatch(l -> l.code().equals(serviceLine))) {
            throw BusinessRuleViolation.invalid("serviceLine", serviceLine + " is not a service line of this client's contracts");
        }
        if (percent.signum() <= 0 || percent.compareTo(ALL_FEES) > 0 || percent.stripTrailingZeros().scale() > 4) {
            throw BusinessRuleViolation.invalid("percent", "must be more than 0 and at most 100, with at most four decimals");
        }
        if (!creditPeriod.isBefore(period)) {
            throw BusinessRuleViolation.invalid("creditPeriod", "an earn-back gives back a credit of an earlier month than " + period);
        }
        var earlier = rows.bySource(clientId, sourceKey);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        EarnBack earnBack = new EarnBack(clientId, Ids.next(), period.atDay(1), creditPeriod.atDay(1), serviceLine, percent, reason,
                sourceKey, null, clock.instant(), Actor.name());
        if (!rows.insert(earnBack)) {
            return rows.bySource(clientId, sourceKey).orElseThrow();
        }
        audit.record(clientId, "earn-back.granted", "earn-back", earnBack.id(), null, earnBack);
        return earnBack;
    }

    @Transactional(readOnly = true)
    public List<EarnBack> of(UUID clientId, LocalDate from, LocalDate to) {
        contracts.of(clientId);
        return rows.of(clientId, from.withDayOfMonth(1), to);
    }
}
