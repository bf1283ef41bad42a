package org.openbpo.workforce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.workforce.DeliveryCentre;
import org.openbpo.workforce.DeliveryCentres;
import org.openbpo.workforce.OpenDeliveryCentre;
import org.openbpo.workforce.ServedClient;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@RequestMapping("/api/v1/centres")
@Tag(name = "Delivery centres", description = "The provider's sites, their shift calendars and data residency")
class CentreApi {

    record AllowClient(@NotNull UUID clientId) {
    }

    private final DeliveryCentres centres;

    CentreApi(DeliveryCentres centres) {
        this.centres = centres;
    }

    @GetMapping
    @Operation(summary = "The delivery centres, ordered by code (provider staff)")
    CursorPage<DeliveryCentre> list(@RequestParam(required = false) @Nullable String cursor,
                                    @RequestParam(required = false) @Nullable Integer limit,
                                    @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(centres.page(CursorPage.decode(cursor), size + 1, user), size, DeliveryCentre::code);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a delivery centre (administrators and operations managers)",
            description = "Weekly shifts are in the centre's time zone; closes 00:00 means the end of the day.")
    DeliveryCentre open(@Valid @RequestBody OpenDeliveryCentre command, @AuthenticationPrincipal CurrentUser user) {
        return centres.open(command, user);
    }

    @GetMapping("/{centreId}")
    @Operation(summary = "One delivery centre with its shift calendar")
    DeliveryCentre get(@PathVariable UUID centreId, @AuthenticationPrincipal CurrentUser user) {
        return centres.get(centreId, user);
    }

    @PutMapping("/{centreId}")
    @Operation(summary = "Change a centre's details or shift calendar (administrators and operations managers)")
    DeliveryCentre update(@PathVariable UUID centreId, @Valid @RequestBody OpenDeliveryCentre command,
                          @AuthenticationPrincipal CurrentUser user) {
        return centres.update(centreId, command, user);
    }

    @GetMapping("/{centreId}/clients")
    @Operation(summary = "The clients whose work and data the centre may handle (those you may see)")
    CursorPage<ServedClient> servedClients(@PathVariable UUID centreId,
                                           @RequestParam(required = false) @Nullable String cursor,
                                           @RequestParam(required = false) @Nullable Integer limit,
                                           @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(centres.servedClients(centreId, Cursors.afterId(cursor), size + 1, user), size,
                served -> served.clientId().toString());
    }

    @PostMapping("/{centreId}/clients")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Allow the centre to handle a client's work (administrators and operations managers)")
    ServedClient allowClient(@PathVariable UUID centreId, @Valid @RequestBody AllowClient request,
                             @AuthenticationPrincipal CurrentUser user) {
        return centres.allowClient(centreId, request.clientId(), user);
    }

    @DeleteMapping("/{centreId}/clients/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Stop the centre handling a client's work (administrators and operations managers)")
    void disallowClient(@PathVariable UUID centreId, @PathVariable UUID clientId,
                        @AuthenticationPrincipal CurrentUser user) {
        centres.disallowClient(centreId, clientId, user);
    }
}
