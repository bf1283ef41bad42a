package org.openbpo.web.ui;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/** Who may use the provider's set-up pages (contracts, work types, queues, centres, agents). */
final class ManagerAccess {

    private ManagerAccess() {
    }

    static boolean mayManage(CurrentUser user) {
        return user.providerStaff() && (user.has(Role.ADMINISTRATOR) || user.has(Role.OPERATIONS_MANAGER));
    }

    static void require(CurrentUser user) {
        if (!mayManage(user)) {
            throw new BusinessRuleViolation(403, "forbidden", null,
                    "Only the provider's administrators and operations managers set up contracts, work and the workforce.");
        }
    }
}
