package org.openbpo.ledger.web;

import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/**
 * Who may do what in a client's books. Everyone who may see the client may read them; the
 * provider's staff keep them; adjusting entries and period closing are for its accountants,
 * which until tenancy knows an accountant role are administrators and operations managers.
 */
final class Bookkeepers {

    private Bookkeepers() {
    }

    static void requireBookkeeper(CurrentUser user, String what) {
        user.requireAny(what, Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER, Role.TEAM_LEAD, Role.AGENT);
    }

    static void requireAccountant(CurrentUser user, String what) {
        user.requireAny(what, Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER);
    }
}
