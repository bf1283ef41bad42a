package org.openbpo.workforce;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/** Who may do what with centres and agents. Kept in one place so the API and the UI agree. */
final class WorkforcePermissions {

    private WorkforcePermissions() {
    }

    /** Administrators and operations managers run the workforce; everybody else only reads it. */
    static boolean managesWorkforce(CurrentUser by) {
        return by.providerStaff() && (by.has(Role.ADMINISTRATOR) || by.has(Role.OPERATIONS_MANAGER));
    }

    static void requireWorkforceManager(CurrentUser by) {
        if (!managesWorkforce(by)) {
            throw new BusinessRuleViolation(403, "forbidden", null,
                    "Only the provider's administrators and operations managers change centres and agents.");
        }
    }

    /** Centres and agents are the provider's internal matters: client users never see them. */
    static void requireProviderStaff(CurrentUser by) {
        if (!by.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's staff see centres and agents.");
        }
    }
}
