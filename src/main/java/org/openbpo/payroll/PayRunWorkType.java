package org.openbpo.payroll;

import org.openbpo.work.domain.FieldType;
import org.openbpo.work.domain.FormField;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkState;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * The work type a client's payroll service line runs pay runs as. Prepared and checked by the provider
 * (the checker is never the preparer: the payroll module refuses it, because the work engine's own
 * maker-checker only guards a move from review to done, and a pay run goes on to the client after the
 * check), approved by the client in its portal, then finalised and paid by the provider.
 */
public final class PayRunWorkType {

    public static final String CODE = "pay-run";
    static final String PREPARING = "preparing";
    static final String CHECKING = "checking";
    static final String CLIENT_APPROVAL = "client_approval";
    static final String APPROVED = "approved";
    static final String FINALISED = "finalised";
    static final String PAID = "paid";
    static final String CANCELLED = "cancelled";

    private static final Set<String> CLIENT_APPROVERS = Set.of("APPROVER", "CLIENT_ADMINISTRATOR");

    private PayRunWorkType() {
    }

    public static WorkTypeDefinition definition() {
        return new WorkTypeDefinition(CODE, "Pay run", PREPARING,
                List.of(new WorkState(PREPARING, "Preparing", StateCategory.NEW),
                        new WorkState(CHECKING, "Provider check", StateCategory.REVIEW),
                        new WorkState(CLIENT_APPROVAL, "Awaiting client approval", StateCategory.PENDING_CLIENT),
                        new WorkState(APPROVED, "Approved by client", StateCategory.OPEN),
                        new WorkState(FINALISED, "Finalised", StateCategory.OPEN),
                        new WorkState(PAID, "Paid", StateCategory.DONE),
                        new WorkState(CANCELLED, "Cancelled", StateCategory.CANCELLED)),
                List.of(new WorkTransition(PREPARING, CHECKING, "Send for check", Set.of()),
                        new WorkTransition(CHECKING, PREPARING, "Return for correction", Set.of()),
                        new WorkTransition(CHECKING, CLIENT_APPROVAL, "Checked: send to the client", Set.of()),
                        new WorkTransition(CLIENT_APPROVAL, APPROVED, "Approve", CLIENT_APPROVERS),
                        new WorkTransition(CLIENT_APPROVAL, PREPARING, "Reject", CLIENT_APPROVERS),
                        new WorkTransition(APPROVED, FINALISED, "Finalise", Set.of()),
                        new WorkTransition(FINALISED, PAID, "Pay", Set.of()),
                        new WorkTransition(PREPARING, CANCELLED, "Cancel", Set.of())),
                List.of(new FormField("payGroup", "Pay group", FieldType.TEXT, true, 32, List.of()),
                        new FormField("periodEnd", "Period end", FieldType.DATE, true, null, List.of()),
                        new FormField("kind", "Kind", FieldType.CHOICE, true, null, List.of("REGULAR", "OFF_CYCLE")),
                        new FormField("payRun", "Pay run", FieldType.NUMBER, true, null, List.of())),
                List.of("Inputs received before the cut-off", "Anomalies explained", "Totals reconciled to the last run"),
                false, new BigDecimal("0.10"), "payslip");
    }
}
