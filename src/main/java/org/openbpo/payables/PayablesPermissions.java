package org.openbpo.payables;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/**
 * Who may do what in a client's payables. Everyone who may see the client may read; the
 * provider's staff and the client's administrators keep vendors and capture invoices; the client's
 * approvers and administrators approve invoices and proposals; bank detail changes need a second
 * person from either side who may keep vendors and is not the requester. Callers check the
 * client first, so other clients' ids stay hidden.
 */
final class PayablesPermissions {

    private PayablesPermissions() {
    }

    static void requireClerk(CurrentUser by, String what) {
        if (by.providerStaff() ? !(by.has(Role.AGENT) || by.has(Role.TEAM_LEAD) || by.has(Role.OPERATIONS_MANAGER)
                || by.has(Role.ADMINISTRATOR)) : !by.has(Role.CLIENT_ADMINISTRATOR)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's accounts-payable staff and the client's "
                    + "administrators may " + what + ".");
        }
    }

    static void requireCapture(CurrentUser by) {
        if (by.providerStaff()) {
            requireClerk(by, "capture invoices");
        }
        // The client's own people may hand in their vendors' invoices.
    }

    static void requireStaff(CurrentUser by, String what) {
        if (!by.providerStaff() || !(by.has(Role.AGENT) || by.has(Role.TEAM_LEAD) || by.has(Role.OPERATIONS_MANAGER)
                || by.has(Role.ADMINISTRATOR))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's accounts-payable staff may " + what + ".");
        }
    }

    static void requireClientApprover(CurrentUser by, String what) {
        if (by.providerStaff() || !(by.has(Role.APPROVER) || by.has(Role.CLIENT_ADMINISTRATOR))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the client's approvers may " + what + ".");
        }
    }

    static void requireSettings(CurrentUser by) {
        if (by.providerStaff() ? !(by.has(Role.ADMINISTRATOR) || by.has(Role.OPERATIONS_MANAGER)) : !by.has(Role.CLIENT_ADMINISTRATOR)) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's managers and the client's administrators "
                    + "change payables settings and approval limits.");
        }
    }
}
