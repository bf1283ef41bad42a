package org.openbpo.work.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.work.OpenQueue;
import org.openbpo.work.Queue;
import org.openbpo.work.Queues;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.openbpo.work.domain.WorkTypeTemplates;
import org.openbpo.shared.error.BusinessRuleViolation;
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
@RequestMapping("/api/v1")
@Tag(name = "Work set-up", description = "Work types and queues per client")
class WorkSetupApi {

    record FromTemplate(@NotBlank String template) {
    }

    private final WorkTypes workTypes;
    private final Queues queues;
    private final Clients clients;

    WorkSetupApi(WorkTypes workTypes, Queues queues, Clients clients) {
        this.workTypes = workTypes;
        this.queues = queues;
        this.clients = clients;
    }

    @GetMapping("/work-type-templates")
    @Operation(summary = "The work types OpenBPO ships")
    List<WorkTypeDefinition> templates() {
        return WorkTypeTemplates.all();
    }

    @GetMapping("/clients/{clientId}/work-types")
    @Operation(summary = "A client's work types, latest versions")
    List<WorkTypes.VersionedWorkType> workTypes(@PathVariable UUID clientId) {
        return workTypes.of(clientId);
    }

    @PostMapping("/clients/{clientId}/work-types")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Define a work type, or a new version of one",
            description = "With basedOnVersion (0 for a work type not defined yet) the definition is saved only if that is "
                    + "still the newest version; otherwise 409 work-type-changed and nothing is saved.")
    WorkTypes.VersionedWorkType define(@PathVariable UUID clientId, @RequestBody WorkTypeDefinition definition,
                                       @RequestParam(required = false) @Nullable Integer basedOnVersion,
                                       @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        user.requireAny("define work types", Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER);
        return workTypes.define(clientId, definition, basedOnVersion);
    }

    @PostMapping("/clients/{clientId}/work-types/from-template")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Copy a shipped template to the client")
    WorkTypes.VersionedWorkType adopt(@PathVariable UUID clientId, @Valid @RequestBody FromTemplate request,
                                      @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        user.requireAny("define work types", Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER);
        return workTypes.adoptTemplate(clientId, request.template());
    }

    @GetMapping("/clients/{clientId}/queues")
    @Operation(summary = "A client's queues")
    List<Queue> queues(@PathVariable UUID clientId) {
        return queues.of(clientId);
    }

    @GetMapping("/clients/{clientId}/queues/load")
    @Operation(summary = "What waits in each queue: the team lead's overview")
    List<Queues.QueueLoad> load(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        List<Queue> ofClient = queues.of(clientId);
        if (!user.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "The queue overview is for the provider's staff.");
        }
        return queues.load(ofClient);
    }

    @PostMapping("/clients/{clientId}/queues")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a queue")
    Queue open(@PathVariable UUID clientId, @Valid @RequestBody OpenQueue command, @AuthenticationPrincipal CurrentUser user) {
        clients.get(clientId);
        user.requireAny("open queues", Role.ADMINISTRATOR, Role.OPERATIONS_MANAGER);
        return queues.open(clientId, command);
    }
}
