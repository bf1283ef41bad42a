package org.openbpo.payroll;

import org.openbpo.audit.AuditTrail;
import org.openbpo.payroll.persistence.EmployerSettingRows;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.UUID;

/** A client's payroll settings as an employer, set by the provider's payroll managers. */
@Service
public class EmployerSettings {

    private final EmployerSettingRows rows;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    EmployerSettings(EmployerSettingRows rows, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public EmploymentAllowanceSetting employmentAllowance(UUID client) {
        clients.get(client);
        return new EmploymentAllowanceSetting(rows.claimsEmploymentAllowance(client));
    }

    @Transactional
    public EmploymentAllowanceSetting setEmploymentAllowance(UUID client, EmploymentAllowanceSetting setting, CurrentUser by) {
        EmploymentAllowanceSetting before = employmentAllowance(client);
        PayrollPermissions.requirePayrollManager(by, "set whether a client claims the Employment Allowance");
        rows.setClaimsEmploymentAllowance(client, setting.claims(), clock.instant());
        audit.record(client, "payroll.employment-allowance-set", "client", client, before, setting);
        return setting;
    }
}
