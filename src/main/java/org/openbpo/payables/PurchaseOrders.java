package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.payables.persistence.OrderRows;
import org.openbpo.payables.persistence.VendorRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A client's purchase orders and the goods received against them: what invoices are matched to. */
@Service
public class PurchaseOrders {

    private final OrderRows rows;
    private final VendorRows vendors;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;

    PurchaseOrders(OrderRows rows, VendorRows vendors, Clients clients, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.vendors = vendors;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public PurchaseOrder raise(UUID client, RaisePurchaseOrder command, CurrentUser by) {
        clients.get(client);
        PayablesPermissions.requireClerk(by, "record purchase orders");
        Vendor vendor = vendors.byCode(client, command.vendor())
                .orElseThrow(() -> BusinessRuleViolation.invalid("vendor", "The client has no vendor " + command.vendor() + "."));
        if (!vendor.uses(command.currency())) {
            throw BusinessRuleViolation.invalid("currency", "Vendor " + vendor.code() + " does not use " + command.currency() + ".");
        }
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < command.lines().size(); i++) {
            RaisePurchaseOrder.Line line = command.lines().get(i);
            lines.add(new PurchaseOrder.Line(i + 1, line.description(), line.quantity(), line.unitPrice(), line.taxPercent(),
                    BigDecimal.ZERO, BigDecimal.ZERO));
        }
        PurchaseOrder order = new PurchaseOrder(Ids.next(), command.number(), vendor.id(), command.currency(),
                command.receiptRequired(), clock.instant(), lines);
        if (!rows.insert(client, order)) {
            throw new BusinessRuleViolation(409, "purchase-order-exists", "number", "Purchase order " + command.number() + " already exists.");
        }
        audit.record(client, "payables.purchase-order-raised", "purchase-order", order.id(), null, order);
        return get(client, order.id());
    }

    @Transactional
    public PurchaseOrder receive(UUID client, UUID orderId, ReceiveGoods command, CurrentUser by) {
        PurchaseOrder order = get(client, orderId);
        PayablesPermissions.requireCapture(by);
        if (order.lines().stream().noneMatch(l -> l.lineNo() == command.line())) {
            throw BusinessRuleViolation.invalid("line", "Order " + order.number() + " has no line " + command.line() + ".");
        }
        rows.receive(client, Ids.next(), orderId, command.line(), command.quantity(), command.receivedOn(), clock.instant(), by.email());
        audit.record(client, "payables.goods-received", "purchase-order", orderId, null,
                Map.of("line", command.line(), "quantity", command.quantity().toPlainString(), "on", command.receivedOn().toString()));
        return get(client, orderId);
    }

    @Transactional(readOnly = true)
    public PurchaseOrder get(UUID client, UUID id) {
        clients.get(client);
        return rows.find(client, id).orElseThrow(() -> new NotFound("purchase order", id));
    }

    @Transactional(readOnly = true)
    public List<PurchaseOrder> page(UUID client, @Nullable String afterNumber, int limit) {
        clients.get(client);
        return rows.page(client, afterNumber == null ? "" : afterNumber, limit);
    }
}
