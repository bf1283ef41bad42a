package org.openbpo.support.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.support.Customer;
import org.openbpo.support.CustomerHistory;
import org.openbpo.support.CustomerRecords;
import org.openbpo.support.IdentifyCustomer;
import org.openbpo.support.MergeCustomers;
import org.openbpo.support.SupportTickets;
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
@RequestMapping("/api/v1/clients/{clientId}/support")
@Tag(name = "Customers", description = "A client's customers across channels, merged when they are the same person")
class CustomerApi {

    private static final UUID LAST = new UUID(-1L, -1L);

    private final CustomerRecords customers;
    private final SupportTickets tickets;

    CustomerApi(CustomerRecords customers, SupportTickets tickets) {
        this.customers = customers;
        this.tickets = tickets;
    }

    @GetMapping("/customers")
    @Operation(summary = "The client's customers, newest first; q matches name, organisation, email or phone")
    CursorPage<Customer> list(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String q,
                              @RequestParam(required = false) @Nullable String cursor,
                              @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        String before = CursorPage.decode(cursor);
        UUID beforeId;
        try {
            beforeId = before == null ? LAST : UUID.fromString(before);
        } catch (IllegalArgumentException e) {
            throw BusinessRuleViolation.invalid("cursor", "is not a cursor this API returned");
        }
        return CursorPage.of(customers.page(clientId, q, beforeId, size + 1), size, customer -> customer.id().toString());
    }

    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a customer (provider staff)")
    Customer create(@PathVariable UUID clientId, @Valid @RequestBody IdentifyCustomer command,
                    @AuthenticationPrincipal CurrentUser user) {
        return customers.create(clientId, command, user);
    }

    @GetMapping("/customers/{customerId}")
    @Operation(summary = "A customer with their tickets on every channel; a merged record answers with the one it was merged into")
    CustomerHistory history(@PathVariable UUID clientId, @PathVariable UUID customerId) {
        return customers.history(clientId, customerId);
    }

    @PostMapping("/customers/{customerId}/merges")
    @Operation(summary = "Merge another record of the same person into this one (provider agents)")
    Customer merge(@PathVariable UUID clientId, @PathVariable UUID customerId, @Valid @RequestBody MergeCustomers command,
                   @AuthenticationPrincipal CurrentUser user) {
        return customers.merge(clientId, customerId, command, user);
    }

    @GetMapping("/tickets/{itemId}/customer")
    @Operation(summary = "The customer a ticket is about")
    CustomerHistory ofTicket(@PathVariable UUID clientId, @PathVariable long itemId) {
        tickets.get(clientId, itemId);
        Customer customer = customers.ofTicket(clientId, itemId).orElseThrow(() -> new NotFound("customer of ticket", itemId));
        return customers.history(clientId, customer.id());
    }
}
