package org.openbpo.payables.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.payables.BankChange;
import org.openbpo.payables.BankDetails;
import org.openbpo.payables.RegisterVendor;
import org.openbpo.payables.Vendor;
import org.openbpo.payables.Vendors;
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

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/payables")
@Tag(name = "Payables: vendors", description = "Vendors, their masked bank details and second-person bank detail changes")
class VendorApi {

    record Decision(@NotNull Boolean approve) {
    }

    private final Vendors vendors;

    VendorApi(Vendors vendors) {
        this.vendors = vendors;
    }

    @PostMapping("/vendors")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a vendor; bank details given wait for a second person's approval")
    Vendor register(@PathVariable UUID clientId, @Valid @RequestBody RegisterVendor command, @AuthenticationPrincipal CurrentUser user) {
        return vendors.register(clientId, command, user);
    }

    @GetMapping("/vendors")
    @Operation(summary = "The client's vendors by code")
    CursorPage<Vendor> page(@PathVariable UUID clientId, @RequestParam(required = false) @Nullable String cursor,
                            @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        List<Vendor> fetched = vendors.page(clientId, CursorPage.decode(cursor), size + 1);
        return CursorPage.of(fetched, size, Vendor::code);
    }

    @GetMapping("/vendors/{vendorId}")
    @Operation(summary = "One vendor, bank details masked")
    Vendor get(@PathVariable UUID clientId, @PathVariable UUID vendorId) {
        return vendors.get(clientId, vendorId);
    }

    @PostMapping("/vendors/{vendorId}/bank-changes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask to change a vendor's bank details; someone else must approve it")
    BankChange requestChange(@PathVariable UUID clientId, @PathVariable UUID vendorId, @Valid @RequestBody BankDetails details,
                             @AuthenticationPrincipal CurrentUser user) {
        return vendors.requestBankChange(clientId, vendorId, details, user);
    }

    @GetMapping("/vendors/{vendorId}/bank-changes")
    @Operation(summary = "A vendor's bank detail changes, newest first, masked")
    List<BankChange> changes(@PathVariable UUID clientId, @PathVariable UUID vendorId) {
        return vendors.bankChanges(clientId, vendorId);
    }

    @PostMapping("/vendors/{vendorId}/bank-changes/{changeId}/decision")
    @Operation(summary = "Approve or reject a bank detail change (not by the person who asked for it)")
    BankChange decide(@PathVariable UUID clientId, @PathVariable UUID vendorId, @PathVariable UUID changeId,
                      @Valid @RequestBody Decision decision, @AuthenticationPrincipal CurrentUser user) {
        return vendors.decideBankChange(clientId, vendorId, changeId, decision.approve(), user);
    }

    @GetMapping("/bank-changes")
    @Operation(summary = "Bank detail changes waiting for approval")
    List<BankChange> pending(@PathVariable UUID clientId) {
        return vendors.pendingBankChanges(clientId);
    }
}
