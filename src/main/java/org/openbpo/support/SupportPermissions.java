package org.openbpo.support;

import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/** Who may do what with support channels. Callers check the client first, so other clients' ids stay hidden. */
final class SupportPermissions {

    private SupportPermissions() {
    }

    /** A channel holds the client's mailbox credentials: only the provider's administrators set it up. */
    static void requireChannelAdministrator(CurrentUser by) {
        if (!(by.providerStaff() && by.has(Role.ADMINISTRATOR))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's administrators set up support channels.");
        }
    }

    static void requireProviderStaff(CurrentUser by) {
        if (!by.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's staff see support channels.");
        }
    }

    /** A relay hands over raw mail for a client: an integration of the provider's operations. */
    static void requireMailRelay(CurrentUser by) {
        if (!(by.providerStaff() && (by.has(Role.ADMINISTRATOR) || by.has(Role.OPERATIONS_MANAGER)))) {
            throw new BusinessRuleViolation(403, "forbidden", null,
                    "Only the provider's administrators and operations managers hand in raw mail.");
        }
    }

    /** Agents answer customers in the client's name. */
    static void requireAgent(CurrentUser by) {
        if (!(by.providerStaff() && (by.has(Role.AGENT) || by.has(Role.TEAM_LEAD) || by.has(Role.OPERATIONS_MANAGER)
                || by.has(Role.ADMINISTRATOR)))) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's agents answer customers.");
        }
    }
}
