package org.openbpo.quality;

import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.quality.persistence.CreditRuleRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * The service-credit terms of a contract, kept by quality because the scorecard applies them.
 * Versioned: a change is a new version effective from a month, and a month already signed off is
 * never re-scored, so it cannot be changed after the fact.
 */
@Service
public class CreditRules {

    private final CreditRuleRows rules;
    private final Contracts contracts;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    CreditRules(CreditRuleRows rules, Contracts contracts, Clients clients, AuditTrail audit, Clock clock) {
        this.rules = rules;
        this.contracts = contracts;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public CreditRule set(UUID clientId, UUID contractId, SetCreditRule command, CurrentUser by) {
        clients.get(clientId);
        Contract contract = contracts.get(clientId, contractId);
        QaRoles.requireManager(by, "set service-credit rules");
        if (contract.serviceLines().stream().noneMatch(l -> l.code().equals(command.serviceLine()))) {
            throw BusinessRuleViolation.invalid("serviceLine", "the contract has no service line " + command.serviceLine());
        }
        if (contract.kpiTargets().stream().noneMatch(t -> t.serviceLine().equals(command.serviceLine()) && t.kpi() == command.kpi())) {
            throw BusinessRuleViolation.invalid("kpi", "the contract sets no " + command.kpi() + " target on " + command.serviceLine());
        }
        int version = rules.insert(clientId, contractId, command.serviceLine(), command.kpi(), command.effectiveFrom(),
                command.tiers(), command.capPercent(), command.earnBackPeriods(), clock.instant(), by.email());
        CreditRule rule = rules.all(clientId, contractId).stream()
                .filter(r -> r.serviceLine().equals(command.serviceLine()) && r.kpi() == command.kpi() && r.version() == version)
                .findFirst().orElseThrow();
        audit.record(clientId, "qa.credit-rule.set", "credit-rule", contractId + "/" + command.serviceLine() + "/" + command.kpi()
                + "/" + version, null, rule);
        return rule;
    }

    @Transactional(readOnly = true)
    public List<CreditRule> all(UUID clientId, UUID contractId) {
        clients.get(clientId);
        contracts.get(clientId, contractId);
        return rules.all(clientId, contractId);
    }

    List<CreditRule> inForce(UUID clientId, UUID contractId, YearMonth period) {
        return rules.inForce(clientId, contractId, period);
    }
}
