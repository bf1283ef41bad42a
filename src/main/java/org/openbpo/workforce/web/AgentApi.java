package org.openbpo.workforce.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.openbpo.shared.page.CursorPage;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.workforce.Agent;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.Certification;
import org.openbpo.workforce.CertifyAgent;
import org.openbpo.workforce.ChangeAgentProfile;
import org.openbpo.workforce.ChangePresence;
import org.openbpo.workforce.EnrolAgent;
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
@RequestMapping("/api/v1/agents")
@Tag(name = "Agents", description = "Agent profiles, presence and client certifications")
class AgentApi {

    private final Agents agents;

    AgentApi(Agents agents) {
        this.agents = agents;
    }

    @GetMapping
    @Operation(summary = "Agents, ordered by user id, optionally of one centre (provider staff)")
    CursorPage<Agent> list(@RequestParam(required = false) @Nullable UUID centreId,
                           @RequestParam(required = false) @Nullable String cursor,
                           @RequestParam(required = false) @Nullable Integer limit,
                           @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(agents.page(centreId, Cursors.afterId(cursor), size + 1, user), size,
                agent -> agent.userId().toString());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Give a provider user with the AGENT or TEAM_LEAD role an agent profile (administrators and operations managers)")
    Agent enrol(@Valid @RequestBody EnrolAgent command, @AuthenticationPrincipal CurrentUser user) {
        return agents.enrol(command, user);
    }

    @GetMapping("/{userId}")
    @Operation(summary = "One agent's profile")
    Agent get(@PathVariable UUID userId, @AuthenticationPrincipal CurrentUser user) {
        return agents.get(userId, user);
    }

    @PutMapping("/{userId}")
    @Operation(summary = "Change an agent's centre, team lead, skills, languages or capacity (administrators and operations managers)")
    Agent changeProfile(@PathVariable UUID userId, @Valid @RequestBody ChangeAgentProfile command,
                        @AuthenticationPrincipal CurrentUser user) {
        return agents.changeProfile(userId, command, user);
    }

    @PutMapping("/{userId}/presence")
    @Operation(summary = "Set an agent's presence (the agent, their team lead, or a workforce manager)")
    Agent changePresence(@PathVariable UUID userId, @Valid @RequestBody ChangePresence command,
                         @AuthenticationPrincipal CurrentUser user) {
        return agents.changePresence(userId, command, user);
    }

    @GetMapping("/{userId}/certifications")
    @Operation(summary = "The clients that certified the agent (those you may see)")
    CursorPage<Certification> certifications(@PathVariable UUID userId,
                                             @RequestParam(required = false) @Nullable String cursor,
                                             @RequestParam(required = false) @Nullable Integer limit,
                                             @AuthenticationPrincipal CurrentUser user) {
        int size = CursorPage.limit(limit);
        return CursorPage.of(agents.certifications(userId, Cursors.afterId(cursor), size + 1, user), size,
                certification -> certification.clientId().toString());
    }

    @PostMapping("/{userId}/certifications")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a client's certification of the agent (administrators and operations managers)")
    Certification certify(@PathVariable UUID userId, @Valid @RequestBody CertifyAgent command,
                          @AuthenticationPrincipal CurrentUser user) {
        return agents.certify(userId, command, user);
    }

    @DeleteMapping("/{userId}/certifications/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw a client's certification of the agent (administrators and operations managers)")
    void revoke(@PathVariable UUID userId, @PathVariable UUID clientId, @AuthenticationPrincipal CurrentUser user) {
        agents.revokeCertification(userId, clientId, user);
    }
}
