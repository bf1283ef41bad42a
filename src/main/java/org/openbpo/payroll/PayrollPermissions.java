package org.openbpo.payroll;

import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/**
 * Who may do what in a client's payroll. Everyone who may see the client may read it; the provider's
 * staff and the client's administrators keep employee records; the provider's staff prepare and check
 * pay runs; the client's approvers and administrators approve them; finalising and paying are for the
 * provider's managers.
 */
final class PayrollPermissions {

    private PayrollPermissions() {
    }

    static void requireRecordKeeper(CurrentUser user, String what) {
        user.requireAny(what, Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER, Role.TEAM_LEAD, Role.AGENT, Role.CLIENT_ADMINISTRATOR);
    }

    static void requirePayrollStaff(CurrentUser user, String what) {
        user.requireAny(what, Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER, Role.TEAM_LEAD, Role.AGENT);
    }

    /**
     * Payroll questions come from the client's people (requesters, who raise the client's work, approvers and
     * administrators) and from the provider's payroll staff taking a question by phone or mail; the provider's
     * QA and billing analysts do not raise them.
     */
    static void requireQuestionRaiser(CurrentUser user, String what) {
        user.requireAny(what, Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER, Role.TEAM_LEAD, Role.AGENT,
                Role.CLIENT_ADMINISTRATOR, Role.APPROVER, Role.REQUESTER);
    }

    static void requireClientApprover(CurrentUser user, String what) {
        if (user.providerStaff()) {
            throw new org.openbpo.shared.error.BusinessRuleViolation(403, "forbidden", null,
                    "Only the client's approvers may " + what + "; the provider cannot approve on the client's behalf.");
        }
        user.requireAny(what, Role.APPROVER, Role.CLIENT_ADMINISTRATOR);
    }

    /** Bank files hold full account numbers: the provider's payroll managers and the client's administrators, who may upload them. */
    static void requireBankFileReader(CurrentUser user) {
        user.requireAny("download bank files", Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER, Role.CLIENT_ADMINISTRATOR);
    }

    static void requirePayrollManager(CurrentUser user, String what) {
        user.requireAny(what, Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER);
    }
}
