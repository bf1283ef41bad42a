package org.openbpo.quality.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.openbpo.quality.Sample;
import org.openbpo.quality.Sampling;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/clients/{clientId}/qa/samples")
@Tag(name = "Quality", description = "Completed work sampled for QA evaluation")
class SampleApi {

    private final Sampling sampling;

    SampleApi(Sampling sampling) {
        this.sampling = sampling;
    }

    @GetMapping
    @Operation(summary = "Samples waiting for evaluation, oldest first (QA analysts, team leads, managers)")
    List<Sample> waiting(@PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        List<Sample> waiting = sampling.waiting(clientId, 200);
        user.requireAny("see QA samples", Role.QA_ANALYST, Role.TEAM_LEAD, Role.OPERATIONS_MANAGER, Role.ADMINISTRATOR);
        return waiting;
    }
}
