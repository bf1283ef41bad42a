package org.openbpo.workforce;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.UserDeactivated;
import org.openbpo.workforce.WorkforceEvents.AgentEligibilityChanged;
import org.openbpo.workforce.WorkforceEvents.ClientWorkWithdrawn;
import org.openbpo.workforce.WorkforceEvents.ClientWorkWithdrawn.Reason;
import org.openbpo.workforce.persistence.AgentRows;
import org.openbpo.workforce.persistence.StaffRows;
import org.openbpo.workforce.persistence.StaffRows.StaffMember;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.openbpo.workforce.WorkforcePermissions.managesWorkforce;
import static org.openbpo.workforce.WorkforcePermissions.requireProviderStaff;
import static org.openbpo.workforce.WorkforcePermissions.requireWorkforceManager;

/** The provider's agents: their profiles, presence and client certifications, and what work they may take. */
@Service
public class Agents {

    private final AgentRows rows;
    private final StaffRows staff;
    private final DeliveryCentres centres;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final ProviderOwnedChanges providerOwned;
    private final ApplicationEventPublisher events;

    Agents(AgentRows rows, StaffRows staff, DeliveryCentres centres, Clients clients, AuditTrail audit, Clock clock,
           ProviderOwnedChanges providerOwned, ApplicationEventPublisher events) {
        this.providerOwned = providerOwned;
        this.events = events;
        this.rows = rows;
        this.staff = staff;
        this.centres = centres;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new agent starts OFFLINE: being enrolled is not being at one's desk. */
    public Agent enrol(EnrolAgent command, CurrentUser by) {
        requireWorkforceManager(by);
        return providerOwned.apply(() -> enrol(command));
    }

    private Agent enrol(EnrolAgent command) {
        StaffMember member = staff.find(command.userId()).orElseThrow(() -> new NotFound("user", command.userId()));
        if (!member.providerStaff() || !(member.roles().contains(Role.AGENT.name())
                || member.roles().contains(Role.TEAM_LEAD.name()))) {
            throw BusinessRuleViolation.invalid("userId", "Only provider staff with the AGENT or TEAM_LEAD role can be agents.");
        }
        if (!member.active()) {
            throw BusinessRuleViolation.invalid("userId", "The user is deactivated; reactivate them before enrolling them as an agent.");
        }
        if (rows.exists(command.userId())) {
            throw new BusinessRuleViolation(409, "agent-exists", "userId", "This user already has an agent profile.");
        }
        centres.find(command.centreId());
        requireTeamLead(command.teamLeadId());
        Instant now = clock.instant();
        Agent agent = new Agent(command.userId(), command.centreId(), command.teamLeadId(), orEmpty(command.skills()),
                orEmpty(command.languages()), command.capacity(), Presence.OFFLINE, now, now);
        rows.insert(agent);
        audit.record(null, "agent.enrolled", "agent", agent.userId(), null, agent);
        return agent;
    }

    public Agent changeProfile(UUID userId, ChangeAgentProfile command, CurrentUser by) {
        requireWorkforceManager(by);
        return providerOwned.apply(() -> changeProfile(userId, command, by.email()));
    }

    private Agent changeProfile(UUID userId, ChangeAgentProfile command, String by) {
        Agent before = find(userId);
        centres.find(command.centreId());
        requireTeamLead(command.teamLeadId());
        Agent after = before.withProfile(command.centreId(), command.teamLeadId(), orEmpty(command.skills()),
                orEmpty(command.languages()), command.capacity());
        rows.updateProfile(after, clock.instant());
        audit.record(null, "agent.profile-changed", "agent", userId, before, after);
        if (!before.centreId().equals(after.centreId())) {
            Set<UUID> notServedThere = new HashSet<>(centres.servedClientIds(before.centreId()));
            notServedThere.removeAll(centres.servedClientIds(after.centreId()));
            if (!notServedThere.isEmpty()) {
                events.publishEvent(new ClientWorkWithdrawn(notServedThere, Set.of(userId), Reason.MOVED_CENTRE, by, clock.instant()));
            }
        }
        eligibilityChanged(userId);
        return after;
    }

    /** Agents set their own presence; their team lead and workforce managers may set it for them. */
    public Agent changePresence(UUID userId, ChangePresence command, CurrentUser by) {
        requireProviderStaff(by);
        return providerOwned.apply(() -> {
            Agent before = find(userId);
            if (!by.id().equals(userId) && !by.id().equals(before.teamLeadId()) && !managesWorkforce(by)) {
                throw new BusinessRuleViolation(403, "forbidden", null, "You may change only your own presence.");
            }
            if (before.presence() == command.presence()) {
                return before; // no change, so nothing to record, and the time it last changed stays true
            }
            Agent after = before.withPresence(command.presence(), clock.instant());
            rows.updatePresence(after);
            audit.record(null, "agent.presence-changed", "agent", userId, before.presence(), after.presence());
            eligibilityChanged(userId);
            return after;
        });
    }

    /**
     * A deactivated agent is no longer at their desk: offline, and routing forgets what it remembered of them
     * (the work they hold goes back to its queues through the work engine's own listener). In the transaction
     * of the deactivation, so neither happens without the other.
     */
    @EventListener
    void on(UserDeactivated deactivated) {
        if (!deactivated.providerStaff()) {
            return;
        }
        providerOwned.apply(() -> {
            rows.find(deactivated.userId()).filter(agent -> agent.presence() != Presence.OFFLINE).ifPresent(before -> {
                Agent after = before.withPresence(Presence.OFFLINE, deactivated.at());
                rows.updatePresence(after);
                audit.record(null, "agent.presence-changed", "agent", before.userId(), before.presence(), after.presence());
            });
            return null;
        });
        eligibilityChanged(deactivated.userId());
    }

    @Transactional(readOnly = true)
    public Agent get(UUID userId, CurrentUser by) {
        requireProviderStaff(by);
        return find(userId);
    }

    @Transactional(readOnly = true)
    public List<Agent> page(@Nullable UUID centreId, @Nullable UUID after, int limit, CurrentUser by) {
        requireProviderStaff(by);
        if (centreId != null) {
            centres.find(centreId);
        }
        return rows.page(centreId, after, limit);
    }

    /** Records a client's sign-off. Repeating it keeps the first date. */
    @Transactional
    public Certification certify(UUID userId, CertifyAgent command, CurrentUser by) {
        clients.get(command.clientId()); // 404 before 403: a refusal must not confirm that another client exists
        requireWorkforceManager(by);
        find(userId);
        boolean added = rows.certify(command.clientId(), userId, clock.instant());
        Certification certification = rows.certification(command.clientId(), userId).orElseThrow();
        if (added) {
            audit.record(command.clientId(), "agent.certified", "agent", userId, null, certification);
            eligibilityChanged(userId);
        }
        return certification;
    }

    @Transactional
    public void revokeCertification(UUID userId, UUID clientId, CurrentUser by) {
        clients.get(clientId);
        requireWorkforceManager(by);
        find(userId);
        Certification before = rows.certification(clientId, userId)
                .orElseThrow(() -> new NotFound("certification for client", clientId));
        rows.revoke(clientId, userId);
        audit.record(clientId, "agent.certification-revoked", "agent", userId, before, null);
        events.publishEvent(new ClientWorkWithdrawn(Set.of(clientId), Set.of(userId), Reason.CERTIFICATION_REVOKED,
                by.email(), clock.instant()));
        eligibilityChanged(userId);
    }

    /** An agent's certifications, limited to the clients the caller may see. */
    @Transactional(readOnly = true)
    public List<Certification> certifications(UUID userId, @Nullable UUID afterClient, int limit, CurrentUser by) {
        requireProviderStaff(by);
        find(userId);
        return rows.certifications(userId, afterClient, limit);
    }

    /** The agents a client has signed off, for a team lead choosing who takes a piece of its work. */
    @Transactional(readOnly = true)
    public List<Agent> certifiedFor(UUID clientId, int limit, CurrentUser by) {
        clients.get(clientId);
        requireProviderStaff(by);
        return rows.certifiedFor(clientId, limit);
    }

    /**
     * What the work engine filters on. Client sets follow the transaction's tenant scope, so run it
     * in the scope of the clients whose work is being handed out.
     */
    @Transactional(readOnly = true)
    public AgentEligibility eligibility(UUID agentUserId) {
        return eligibilityIfAgent(agentUserId).orElseThrow(() -> new NotFound("agent", agentUserId));
    }

    /**
     * As {@link #eligibility}, or empty for someone who is no agent (a team lead who took an item,
     * say). A caller that carries on without an agent asks this: a {@link NotFound} thrown through
     * this service would mark the caller's transaction for rollback even when the caller catches it.
     */
    @Transactional(readOnly = true)
    public Optional<AgentEligibility> eligibilityIfAgent(UUID userId) {
        return rows.eligibility(userId).map(row -> {
            Agent agent = row.agent();
            return new AgentEligibility(agent.userId(), agent.centreId(),
                    row.centreCalendar().isOpen(clock.instant(), row.centreTimeZone()), agent.skills(), agent.languages(),
                    row.certifiedClients(), row.centreMayServe(), agent.capacity(), agent.presence());
        });
    }

    /** Every change to what an agent may take goes through here, so that routing never acts on what was before. */
    private void eligibilityChanged(UUID userId) {
        events.publishEvent(new AgentEligibilityChanged(Set.of(userId), clock.instant()));
    }

    private Agent find(UUID userId) {
        return rows.find(userId).orElseThrow(() -> new NotFound("agent", userId));
    }

    private void requireTeamLead(@Nullable UUID teamLeadId) {
        if (teamLeadId == null) {
            return;
        }
        Optional<StaffMember> lead = rows.exists(teamLeadId) ? staff.find(teamLeadId) : Optional.empty();
        if (lead.filter(member -> member.roles().contains(Role.TEAM_LEAD.name())).isEmpty()) {
            throw BusinessRuleViolation.invalid("teamLeadId", "must be an agent with the TEAM_LEAD role");
        }
        if (!lead.get().active()) {
            throw BusinessRuleViolation.invalid("teamLeadId", "The team lead is deactivated; choose an active one.");
        }
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }
}
