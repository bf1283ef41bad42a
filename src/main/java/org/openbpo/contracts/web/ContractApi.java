package org.openbpo.contracts.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.openbpo.contracts.Contract;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.DraftContract;
import org.openbpo.contracts.ReviseContract;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/contracts")
@Tag(name = "Contracts", description = "Service lines, business calendars, SLA and KPI targets, versioned")
class ContractApi {

    private final Contracts contracts;
    private final Clients clients;

    ContractApi(Contracts contracts, Clients clients) {
        this.contracts = contracts;
        this.clients = clients;
    }

    @GetMapping
    @Operation(summary = "A client's contracts with their current terms")
    List<Contract> list(@PathVariable UUID clientId) {
        return contracts.of(clientId);
    }

    @GetMapping("/{contractId}")
    @Operation(summary = "One contract with its current terms")
    Contract get(@PathVariable UUID clientId, @PathVariable UUID contractId) {
        return contracts.get(clientId, contractId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put a contract in force (administrators, operations managers)")
    Contract draft(@PathVariable UUID clientId, @Valid @RequestBody DraftContract command, @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        user.requireAny("put contracts in force", Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER);
        return contracts.draft(clientId, command);
    }

    @PostMapping("/{contractId}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Revise the terms; new work follows the new version")
    Contract revise(@PathVariable UUID clientId, @PathVariable UUID contractId, @Valid @RequestBody ReviseContract command,
                    @AuthenticationPrincipal CurrentUser user) {
        contracts.get(clientId, contractId);
        user.requireAny("revise contracts", Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER);
        return contracts.revise(clientId, contractId, command);
    }
}
