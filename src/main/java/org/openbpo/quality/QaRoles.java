package org.openbpo.quality;

import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/**
 * Who may do what in QA. Analysts, team leads and managers evaluate; managers and analysts set
 * sampling rules and forms; only managers set what a missed target costs and sign a month off.
 * Callers check the client and the record first, so another client's ids stay a 404.
 */
final class QaRoles {

    private QaRoles() {
    }

    static void requireEvaluator(CurrentUser user, String what) {
        requireStaff(user, what);
        user.requireAny(what, Role.QA_ANALYST, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
    }

    static void requireQaLead(CurrentUser user, String what) {
        requireStaff(user, what);
        user.requireAny(what, Role.QA_ANALYST, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
    }

    /** Team leads and QA: who decide which work is evaluated besides what the rules draw (never the agents whose work it is). */
    static void requireSupervisor(CurrentUser user, String what) {
        requireStaff(user, what);
        user.requireAny(what, Role.QA_ANALYST, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
    }

    static void requireManager(CurrentUser user, String what) {
        requireStaff(user, what);
        user.requireAny(what, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
    }

    static void requireStaff(CurrentUser user, String what) {
        if (!user.providerStaff()) {
            user.requireAny(what, Role.QA_ANALYST, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
        }
    }
}
