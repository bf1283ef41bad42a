package org.openbpo.tenancy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.RegisterClient;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients")
@Tag(name = "Clients", description = "The companies the provider serves")
class ClientApi {

    private final Clients clients;

    ClientApi(Clients clients) {
        this.clients = clients;
    }

    @GetMapping
    @Operation(summary = "The clients you may see, ordered by code")
    CursorPage<Client> list(@RequestParam(required = false) @Nullable String cursor,
                            @RequestParam(required = false) @Nullable Integer limit) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(clients.page(CursorPage.decode(cursor), size + 1), size, Client::code);
    }

    @GetMapping("/{clientId}")
    @Operation(summary = "One client")
    Client get(@PathVariable UUID clientId) {
        return clients.get(clientId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Take on a new client (provider administrators)")
    Client register(@Valid @RequestBody RegisterClient command, @AuthenticationPrincipal CurrentUser user) {
        requireProviderAdministrator(user);
        return clients.register(command);
    }

    @PutMapping("/{clientId}")
    @Operation(summary = "Change a client's details or status (provider administrators)")
    Client update(@PathVariable UUID clientId, @Valid @RequestBody RegisterClient command,
                  @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        requireProviderAdministrator(user);
        return clients.update(clientId, command);
    }

    private static void requireProviderAdministrator(CurrentUser user) {
        if (!user.providerAdministrator()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's administrators manage clients.");
        }
    }
}
