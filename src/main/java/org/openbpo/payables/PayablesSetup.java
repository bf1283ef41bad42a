package org.openbpo.payables;

import org.openbpo.audit.AuditTrail;
import org.openbpo.payables.domain.MinorUnits;
import org.openbpo.payables.persistence.ApprovalRows;
import org.openbpo.payables.persistence.SettingsRows;
import org.openbpo.shared.bankfile.BankAccount;
import org.openbpo.shared.bankfile.Originator;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A client's payables settings and its approvers' limits. */
@Service
public class PayablesSetup {

    private final SettingsRows settings;
    private final ApprovalRows approvals;
    private final Clients clients;
    private final Users users;
    private final AuditTrail audit;
    private final Clock clock;

    PayablesSetup(SettingsRows settings, ApprovalRows approvals, Clients clients, Users users, AuditTrail audit, Clock clock) {
        this.settings = settings;
        this.approvals = approvals;
        this.clients = clients;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PayablesSettings settings(java.util.UUID client) {
        clients.get(client);
        return settings.find(client).map(stored -> {
            PayablesSettings s = stored.settings();
            String masked = stored.originatorAccount() == null ? null : BankAccount.parse(stored.originatorAccount()).masked();
            return new PayablesSettings(s.priceTolerancePercent(), s.quantityTolerancePercent(), s.duplicateWindowDays(),
                    s.originatorName(), s.originatorId(), masked, s.originatorBank());
        }).orElse(PayablesSettings.DEFAULTS);
    }

    @Transactional
    public PayablesSettings update(UUID client, UpdateSettings command, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireSettings(by);
        PayablesSettings before = settings(client);
        String account = command.originatorAccount() == null ? null : command.originatorAccount().account().canonical();
        settings.save(client, command.priceTolerancePercent(), command.quantityTolerancePercent(), command.duplicateWindowDays(),
                command.originatorName(), command.originatorId(), account, command.originatorBank(), clock.instant());
        PayablesSettings after = settings(client);
        audit.record(client, "payables.settings-changed", "payables-settings", client, before, after);
        return after;
    }

    /** Who pays in this client's bank files; refused until the settings name the account and identifier. */
    Originator originator(UUID client) {
        SettingsRows.Stored stored = settings.find(client).orElse(null);
        if (stored == null || stored.originatorAccount() == null || stored.settings().originatorName() == null) {
            throw BusinessRuleViolation.conflict("no-originator", "The client's payables settings do not name the account to pay from yet.");
        }
        return new Originator(stored.settings().originatorName(), BankAccount.parse(stored.originatorAccount()),
                stored.settings().originatorId() == null ? "" : stored.settings().originatorId(), stored.settings().originatorBank());
    }

    @Transactional
    public ApprovalLimit setLimit(UUID client, UUID userId, String currency, BigDecimal maximum, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireSettings(by);
        User user;
        try {
            user = users.get(userId, by);
        } catch (BusinessRuleViolation hidden) {
            throw new NotFound("user", userId);
        }
        if (!client.equals(user.clientId())) {
            throw new NotFound("user", userId);
        }
        if (!user.roles().contains(org.openbpo.tenancy.Role.APPROVER) && !user.roles().contains(org.openbpo.tenancy.Role.CLIENT_ADMINISTRATOR)) {
            throw BusinessRuleViolation.invalid("userId", "Only the client's approvers and administrators approve invoices.");
        }
        try {
            java.util.Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("currency", currency + " is not an ISO 4217 currency.");
        }
        long max = MinorUnits.exact(maximum, currency, "maximum");
        if (max <= 0) {
            throw BusinessRuleViolation.invalid("maximum", "must be more than zero");
        }
        approvals.set(client, userId, currency, max, clock.instant(), by.email());
        audit.record(client, "payables.approval-limit-set", "user", userId, null, Map.of("currency", currency, "maximum", maximum.toPlainString()));
        return new ApprovalLimit(userId, currency, MinorUnits.decimal(max, currency));
    }

    @Transactional(readOnly = true)
    public List<ApprovalLimit> limits(UUID client) {
        clients.get(client);
        return approvals.all(client).stream()
                .map(l -> new ApprovalLimit(l.userId(), l.currency(), MinorUnits.decimal(l.maxMinor(), l.currency()))).toList();
    }
}
