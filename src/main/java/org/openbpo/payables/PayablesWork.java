package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.ServiceLine;
import org.openbpo.contracts.ServiceLineKind;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CreateWorkItem;
import org.openbpo.work.MoveWorkItem;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Raises and moves the work items of a client's accounts-payable service line. */
@Component
class PayablesWork {

    private final WorkItems workItems;
    private final Contracts contracts;

    PayablesWork(WorkItems workItems, Contracts contracts) {
        this.workItems = workItems;
        this.contracts = contracts;
    }

    /** The client's accounts-payable service line in force, or a refusal saying what to set up. */
    String serviceLine(UUID client) {
        Optional<String> line = contracts.of(client).stream()
                .map(Contract::serviceLines).flatMap(java.util.List::stream)
                .filter(l -> l.kind() == ServiceLineKind.ACCOUNTS_PAYABLE).map(ServiceLine::code).distinct()
                .filter(code -> contracts.termsInForce(client, code).isPresent())
                .findFirst();
        return line.orElseThrow(() -> BusinessRuleViolation.conflict("no-payables-service-line",
                "The client has no accounts-payable service line in force: exceptions and approvals need one to run as work."));
    }

    WorkItem raise(UUID client, String serviceLine, Invoice invoice, String reason, boolean forApproval, CurrentUser by) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("invoice", invoice.number() + " (" + invoice.id() + ")");
        form.put("vendor", invoice.vendorCode());
        form.put("amount", invoice.currency() + " " + invoice.total().toPlainString());
        form.put("reason", reason);
        String title = (forApproval ? "Approve invoice " : "Invoice exception: ") + invoice.number() + " from " + invoice.vendorCode();
        WorkItem item = workItems.create(client, new CreateWorkItem(serviceLine, null, null,
                title.length() > 300 ? title.substring(0, 300) : title, form, "PAYABLES"), by);
        if (forApproval) {
            item = workItems.move(client, item.id(), new MoveWorkItem(PayablesWorkType.AWAITING_APPROVAL,
                    "Waiting for the client's approver"), by);
        }
        return item;
    }

    /** A PDF-only message to key in: the item says who sent it and names the message. */
    WorkItem raiseKeying(UUID client, String serviceLine, UUID mail, String sender, @Nullable String subject, CurrentUser by) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("invoice", "to key in from mail " + mail);
        form.put("vendor", sender.length() > 200 ? sender.substring(0, 200) : sender);
        form.put("amount", "to key in");
        form.put("reason", "A vendor's mail carried a PDF but no e-invoice: key the invoice in from the PDF kept with the message.");
        String title = "Key in invoice mailed by " + sender + (subject == null || subject.isBlank() ? "" : ": " + subject);
        return workItems.create(client, new CreateWorkItem(serviceLine, null, null,
                title.length() > 300 ? title.substring(0, 300) : title, form, "EMAIL"), by);
    }

    /**
     * The draft's item is done once the invoice is keyed in. Items raised under a version of the
     * work type without the keyed state end as rejected with a note saying the invoice was keyed.
     */
    void finishKeying(UUID client, long item, String note, CurrentUser by) {
        boolean keyedState = workItems.movesFor(client, item, by).stream().anyMatch(t -> t.to().equals(PayablesWorkType.KEYED));
        move(client, item, keyedState ? PayablesWorkType.KEYED : PayablesWorkType.REJECTED, note, by);
    }

    void move(UUID client, long item, String to, String note, CurrentUser by) {
        WorkItem current = workItems.get(client, item);
        if (current.category().closed() || current.state().equals(to)) {
            return;
        }
        workItems.move(client, item, new MoveWorkItem(to, note.length() > 2000 ? note.substring(0, 2000) : note), by);
    }
}
