package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.PurchaseOrder;
import org.openbpo.payables.PurchaseOrders;
import org.openbpo.payables.RaisePurchaseOrder;
import org.openbpo.payables.ReceiveGoods;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payables")
@Tag(name = "Payables: purchase orders", description = "Orders and goods receipts that invoices are matched against")
class PurchaseOrderApi {

    private final PurchaseOrders orders;

    PurchaseOrderApi(PurchaseOrders orders) {
        this.orders = orders;
    }

    @PostMapping("/purchase-orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a purchase order")
    PurchaseOrder raise(@PathVariable UUID clientId, @Valid @RequestBody RaisePurchaseOrder command, @AuthenticationPrincipal CurrentUser user) {
        return orders.raise(clientId, command, user);
    }

    @GetMapping("/purchase-orders")
    @Operation(summary = "Purchase orders by number")
    CursorPage<PurchaseOrder> page(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String cursor,
                                   @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(orders.page(clientId, CursorPage.decode(cursor), size + 1), size, PurchaseOrder::number);
    }

    @GetMapping("/purchase-orders/{orderId}")
    @Operation(summary = "One purchase order with what was received and invoiced per line")
    PurchaseOrder get(@PathVariable UUID clientId, @PathVariable UUID orderId) {
        return orders.get(clientId, orderId);
    }

    @PostMapping("/purchase-orders/{orderId}/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record goods received against an order line")
    PurchaseOrder receive(@PathVariable UUID clientId, @PathVariable UUID orderId, @Valid @RequestBody ReceiveGoods command,
                          @AuthenticationPrincipal CurrentUser user) {
        return orders.receive(clientId, orderId, command, user);
    }
}
