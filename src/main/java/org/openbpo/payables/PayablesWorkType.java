package org.openbpo.payables;

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
 * The work type an accounts-payable service line runs on: one item per invoice that needs a person,
 * an exception for an agent (received, investigating, waiting on the vendor) or an approval for the
 * client (awaiting approval, which pauses the SLA clock: the time is the client's), or a mailed PDF
 * for an agent to key in (done when keyed). A provider
 * defines it for a client with {@code WorkTypes.define(client, PayablesWorkType.definition())} and
 * names {@link #CODE} on the contract's accounts-payable service line.
 */
public final class PayablesWorkType {

    public static final String CODE = "ap-invoice";
    static final String RECEIVED = "received";
    static final String INVESTIGATING = "investigating";
    static final String AWAITING_APPROVAL = "awaiting_approval";
    static final String APPROVED = "approved";
    static final String REJECTED = "rejected";
    /** A mailed PDF keyed in as an invoice (the invoice itself then goes its own way). */
    static final String KEYED = "keyed";

    private static final Set<String> EVERYONE = Set.of("AGENT", "TEAM_LEAD", "OPERATIONS_MANAGER", "ADMINISTRATOR",
            "CLIENT_ADMINISTRATOR", "APPROVER", "REQUESTER");
    private static final Set<String> CLIENT_APPROVERS = Set.of("APPROVER", "CLIENT_ADMINISTRATOR");

    private PayablesWorkType() {
    }

    public static WorkTypeDefinition definition() {
        return new WorkTypeDefinition(CODE, "Vendor invoice", RECEIVED,
                List.of(new WorkState(RECEIVED, "Received", StateCategory.NEW),
                        new WorkState(INVESTIGATING, "Investigating", StateCategory.OPEN),
                        new WorkState("query_to_vendor", "Query to vendor", StateCategory.PENDING_THIRD_PARTY),
                        new WorkState(AWAITING_APPROVAL, "Awaiting client approval", StateCategory.PENDING_CLIENT),
                        new WorkState(APPROVED, "Approved", StateCategory.DONE),
                        new WorkState(REJECTED, "Rejected", StateCategory.CANCELLED),
                        new WorkState(KEYED, "Keyed in", StateCategory.DONE)),
                List.of(new WorkTransition(RECEIVED, INVESTIGATING, "Investigate", Set.of()),
                        new WorkTransition(RECEIVED, AWAITING_APPROVAL, "Send for approval", EVERYONE),
                        new WorkTransition(INVESTIGATING, "query_to_vendor", "Query the vendor", Set.of()),
                        new WorkTransition("query_to_vendor", INVESTIGATING, "Vendor answered", Set.of()),
                        new WorkTransition(INVESTIGATING, AWAITING_APPROVAL, "Send for approval", Set.of()),
                        new WorkTransition(RECEIVED, REJECTED, "Reject", Set.of()),
                        new WorkTransition(INVESTIGATING, REJECTED, "Reject", Set.of()),
                        new WorkTransition(AWAITING_APPROVAL, APPROVED, "Approve", CLIENT_APPROVERS),
                        new WorkTransition(AWAITING_APPROVAL, REJECTED, "Reject", CLIENT_APPROVERS),
                        new WorkTransition(RECEIVED, KEYED, "Keyed in", Set.of()),
                        new WorkTransition(INVESTIGATING, KEYED, "Keyed in", Set.of())),
                List.of(new FormField("invoice", "Invoice", FieldType.TEXT, true, 200, List.of()),
                        new FormField("vendor", "Vendor", FieldType.TEXT, true, 200, List.of()),
                        new FormField("amount", "Amount", FieldType.TEXT, true, 40, List.of()),
                        new FormField("reason", "Why it needs a person", FieldType.LONG_TEXT, false, 20_000, List.of())),
                List.of("Invoice checked against the order and receipts", "Vendor and bank details verified"),
                false, new BigDecimal("0.05"), "invoice");
    }
}
