package org.openbpo.billing.web;

import org.openbpo.shared.error.NotFound;
import org.openbpo.billing.Invoice;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;

/**
 * Who may do what in billing. Prices, usage corrections, credits and invoices are changed by the
 * provider's billing analysts, operations managers and administrators; a client's own people see
 * their plans, usage and issued invoices, never drafts.
 */
final class BillingStaff {

    private BillingStaff() {
    }

    static void require(CurrentUser user, String what) {
        if (!user.providerStaff()) {
            throw new org.openbpo.shared.error.BusinessRuleViolation(403, "forbidden", null,
                    "Only the provider's billing staff may " + what + ".");
        }
        user.requireAny(what, Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER, Role.BILLING_ANALYST);
    }

    /** A draft or an invoice in review does not exist for the client's own people. */
    static Invoice visible(Invoice invoice, CurrentUser user) {
        if (!user.providerStaff() && !invoice.issued()) {
            throw new NotFound("invoice", invoice.id());
        }
        return invoice;
    }
}
