package org.openbpo.work.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

import static org.openbpo.work.domain.StateCategory.CANCELLED;
import static org.openbpo.work.domain.StateCategory.DONE;
import static org.openbpo.work.domain.StateCategory.NEW;
import static org.openbpo.work.domain.StateCategory.OPEN;
import static org.openbpo.work.domain.StateCategory.PENDING_CLIENT;
import static org.openbpo.work.domain.StateCategory.PENDING_THIRD_PARTY;
import static org.openbpo.work.domain.StateCategory.REVIEW;

/** The work types OpenBPO ships, for a provider to copy to a client and adapt. */
public final class WorkTypeTemplates {

    private WorkTypeTemplates() {
    }

    public static List<WorkTypeDefinition> all() {
        return List.of(customerSupportTicket(), itIncident(), backOfficeRequest(), dataEntryBatch());
    }

    public static WorkTypeDefinition customerSupportTicket() {
        return new WorkTypeDefinition("support-ticket", "Customer support ticket", "new",
                List.of(new WorkState("new", "New", NEW), new WorkState("open", "Open", OPEN),
                        new WorkState("waiting_on_customer", "Waiting on customer", PENDING_CLIENT),
                        new WorkState("solved", "Solved", DONE), new WorkState("closed_unsolved", "Closed unsolved", CANCELLED)),
                List.of(move("new", "open", "Start"), move("new", "solved", "Solve"),
                        move("open", "waiting_on_customer", "Ask the customer"),
                        clientMove("waiting_on_customer", "open", "Customer answered"),
                        move("waiting_on_customer", "open", "Resume"),
                        move("open", "solved", "Solve"), move("open", "closed_unsolved", "Close unsolved"),
                        clientMove("solved", "open", "Reopen")),
                List.of(new FormField("customerEmail", "Customer email", FieldType.EMAIL, false, 254, List.of()),
                        new FormField("description", "Description", FieldType.LONG_TEXT, true, 20_000, List.of()),
                        new FormField("category", "Category", FieldType.CHOICE, false, null,
                                List.of("order", "delivery", "refund", "account", "other"))),
                List.of("Customer identified", "Answer checked against the knowledge base"),
                false, new BigDecimal("0.05"), "ticket");
    }

    public static WorkTypeDefinition itIncident() {
        return new WorkTypeDefinition("it-incident", "IT incident", "logged",
                List.of(new WorkState("logged", "Logged", NEW), new WorkState("in_progress", "In progress", OPEN),
                        new WorkState("awaiting_user", "Awaiting user", PENDING_CLIENT),
                        new WorkState("awaiting_vendor", "Awaiting vendor", PENDING_THIRD_PARTY),
                        new WorkState("resolved", "Resolved", DONE), new WorkState("cancelled", "Cancelled", CANCELLED)),
                List.of(move("logged", "in_progress", "Start"), move("in_progress", "awaiting_user", "Wait for user"),
                        move("in_progress", "awaiting_vendor", "Wait for vendor"),
                        clientMove("awaiting_user", "in_progress", "User answered"),
                        move("awaiting_user", "in_progress", "Resume"), move("awaiting_vendor", "in_progress", "Vendor answered"),
                        move("in_progress", "resolved", "Resolve"), move("logged", "cancelled", "Cancel")),
                List.of(new FormField("affectedUser", "Affected user", FieldType.TEXT, true, 200, List.of()),
                        new FormField("system", "System", FieldType.TEXT, true, 200, List.of()),
                        new FormField("impact", "Impact", FieldType.CHOICE, true, null, List.of("single user", "team", "site", "company")),
                        new FormField("description", "Description", FieldType.LONG_TEXT, true, 20_000, List.of())),
                List.of("Impact and urgency confirmed", "Workaround offered", "Root cause noted"),
                false, new BigDecimal("0.05"), "incident");
    }

    public static WorkTypeDefinition backOfficeRequest() {
        return new WorkTypeDefinition("back-office-request", "Back-office request", "received",
                List.of(new WorkState("received", "Received", NEW), new WorkState("processing", "Processing", OPEN),
                        new WorkState("query_to_client", "Query to client", PENDING_CLIENT),
                        new WorkState("checking", "Checking", REVIEW), new WorkState("completed", "Completed", DONE),
                        new WorkState("rejected", "Rejected", CANCELLED)),
                List.of(move("received", "processing", "Start"), move("processing", "query_to_client", "Query the client"),
                        clientMove("query_to_client", "processing", "Client answered"),
                        move("processing", "checking", "Send for check"),
                        move("checking", "processing", "Return for correction"),
                        move("checking", "completed", "Approve"), move("received", "rejected", "Reject")),
                List.of(new FormField("requestType", "Request type", FieldType.CHOICE, true, null,
                                List.of("address change", "bank detail change", "new starter", "leaver", "other")),
                        new FormField("reference", "Client reference", FieldType.TEXT, false, 100, List.of()),
                        new FormField("details", "Details", FieldType.LONG_TEXT, true, 20_000, List.of())),
                List.of("Request authorised by the client", "Source documents attached"),
                true, new BigDecimal("0.10"), "request");
    }

    public static WorkTypeDefinition dataEntryBatch() {
        return new WorkTypeDefinition("data-entry-batch", "Data-entry batch", "queued",
                List.of(new WorkState("queued", "Queued", NEW), new WorkState("keying", "Keying", OPEN),
                        new WorkState("verifying", "Verifying", REVIEW), new WorkState("delivered", "Delivered", DONE),
                        new WorkState("returned", "Returned to client", CANCELLED)),
                List.of(move("queued", "keying", "Start keying"), move("keying", "verifying", "Send to verification"),
                        move("verifying", "keying", "Send back"), move("verifying", "delivered", "Deliver"),
                        move("queued", "returned", "Return unreadable batch")),
                List.of(new FormField("documents", "Documents in batch", FieldType.NUMBER, true, null, List.of()),
                        new FormField("records", "Records keyed", FieldType.NUMBER, false, null, List.of()),
                        new FormField("sourceFormat", "Source", FieldType.CHOICE, true, null, List.of("paper scan", "PDF", "fax", "photo"))),
                List.of("Every document keyed", "Totals reconciled"),
                true, new BigDecimal("0.10"), "record");
    }

    private static WorkTransition move(String from, String to, String label) {
        return new WorkTransition(from, to, label, Set.of());
    }

    /** A move the client's own people (and the provider) may make, such as answering a query. */
    private static WorkTransition clientMove(String from, String to, String label) {
        return new WorkTransition(from, to, label, Set.of("REQUESTER", "APPROVER", "CLIENT_ADMINISTRATOR", "AGENT",
                "TEAM_LEAD", "OPERATIONS_MANAGER", "ADMINISTRATOR"));
    }
}
