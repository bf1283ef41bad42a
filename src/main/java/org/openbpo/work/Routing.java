package org.openbpo.work;

import org.openbpo.shared.database.GenericPlans;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.workforce.AgentEligibility;
import org.openbpo.workforce.Agents;
import org.openbpo.workforce.Skill;
import org.openbpo.workforce.WorkforceEvents.AgentEligibilityChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Decides which queues an agent may take work from: the clients that certified the agent and
 * whose data the agent's centre may handle, the queues' skills and languages, and the centre
 * being on shift. The answer is kept for a few seconds, since get-next asks it on every call.
 */
@Service
public class Routing {

    static final Duration REMEMBERED_FOR = Duration.ofSeconds(5);

    private record Remembered(List<UUID> queueIds, int capacity, Instant until) {
    }

    private final Agents agents;
    private final Queues queues;
    private final WorkItems workItems;
    private final Clock clock;
    private final Map<UUID, Remembered> remembered = new ConcurrentHashMap<>();

    Routing(Agents agents, Queues queues, WorkItems workItems, Clock clock) {
        this.agents = agents;
        this.queues = queues;
        this.workItems = workItems;
        this.clock = clock;
    }

    /** Get next: the most urgent item the agent may take, assigned to them; empty when none waits. */
    @Transactional(label = GenericPlans.LABEL)
    public Optional<WorkItem> next(CurrentUser agent) {
        Remembered routing = eligibleQueues(agent);
        Optional<WorkItem> claimed = workItems.claimNext(agent, routing.queueIds(), routing.capacity());
        if (claimed.isEmpty()) {
            long holding = workItems.holding(agent.id());
            if (holding >= routing.capacity()) {
                throw BusinessRuleViolation.conflict("at-capacity",
                        "You already hold " + holding + " items, your capacity; finish or release one first.");
            }
        }
        return claimed;
    }

    /**
     * "My queues": the queues the agent serves by certification, data residency, skill and language,
     * whether or not they are available or on shift right now.
     */
    @Transactional(readOnly = true)
    public List<Queue> queuesOf(CurrentUser agent) {
        return servedQueues(agents.eligibility(agent.id()));
    }

    /**
     * Forgets what was remembered of the agents whose presence, profile, certifications or centre changed,
     * whatever changed it, and again once the change has committed: a get-next in between still reads what
     * was before, and would remember it. Other nodes go by the change once their memory of it runs out.
     */
    @EventListener
    void on(AgentEligibilityChanged changed) {
        changed.agentIds().forEach(remembered::remove);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changed.agentIds().forEach(remembered::remove);
                }
            });
        }
    }

    private List<Queue> servedQueues(AgentEligibility eligibility) {
        Map<String, Integer> skills = eligibility.skills().stream()
                .collect(Collectors.toMap(Skill::name, Skill::proficiency, Math::max));
        Set<String> languages = Set.copyOf(eligibility.languages());
        Set<UUID> clients = eligibility.certifiedClients().stream().filter(eligibility::mayServe).collect(Collectors.toSet());
        return clients.isEmpty() ? List.of() : queues.ofClients(clients).stream()
                .filter(q -> q.requiredSkill() == null || skills.getOrDefault(q.requiredSkill(), 0) >= q.minProficiency())
                .filter(q -> q.language() == null || languages.contains(q.language()))
                .toList();
    }

    private Remembered eligibleQueues(CurrentUser agent) {
        Instant now = clock.instant();
        Remembered known = remembered.get(agent.id());
        if (known != null && now.isBefore(known.until())) {
            return known;
        }
        AgentEligibility eligibility = agents.eligibility(agent.id());
        if (!eligibility.centreOnShift()) {
            throw BusinessRuleViolation.conflict("centre-off-shift", "Your delivery centre is not on shift now.");
        }
        if (!eligibility.takingWork()) {
            throw BusinessRuleViolation.conflict("not-available",
                    "Set your presence to AVAILABLE to get work (it is " + eligibility.presence() + ").");
        }
        List<UUID> queueIds = servedQueues(eligibility).stream().map(Queue::id).toList();
        Remembered fresh = new Remembered(queueIds, eligibility.capacity(), now.plus(REMEMBERED_FOR));
        remembered.put(agent.id(), fresh);
        return fresh;
    }
}
