package org.openbpo.quality;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.quality.persistence.SampleRows;
import org.openbpo.quality.persistence.SamplingPolicyRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.id.Ids;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.CompletedWorkConsumer;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.WorkTypes;
import org.openbpo.work.domain.StateCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Picks completed work for QA, any work type, by the client's sampling rules (or the work type's
 * sample rate where the client has none): a share of the items, a weekly minimum per agent, every
 * item of a new agent (until that many were sampled as new-agent work), and every flagged item. Deciding by the item's hash keeps the decision the
 * same when a completion event is delivered again; the sample's key keeps it recorded once.
 * Samples are QA's own queue, not work items: see docs/architecture.md.
 */
@Service
public class Sampling implements CompletedWorkConsumer {

    private final SampleRows samples;
    private final SamplingPolicyRows policies;
    private final WorkItems workItems;
    private final WorkTypes workTypes;
    private final Clients clients;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final SampleDraws draws;

    Sampling(SampleRows samples, SamplingPolicyRows policies, WorkItems workItems, WorkTypes workTypes, Clients clients,
             AuditTrail audit, Clock clock, TransactionTemplate transactions, SampleDraws draws) {
        this.samples = samples;
        this.policies = policies;
        this.workItems = workItems;
        this.workTypes = workTypes;
        this.clients = clients;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.draws = draws;
    }

    @Override
    public String consumerName() {
        return "quality.sampling";
    }

    @Override
    public void accept(WorkItemCompleted completed) {
        if (!"DONE".equals(completed.outcome())) {
            return;
        }
        TenantScope.run(AllowedClients.only(completed.clientId()), () -> transactions.executeWithoutResult(tx -> {
            WorkItem item = workItems.get(completed.clientId(), completed.itemId());
            UUID agent = whoseWork(completed, item);
            SamplingRule rule = ruleFor(item, agent);
            // the agent's experience, read from their few new-agent samples rather than their whole history
            long experience = agent == null ? Long.MAX_VALUE : samples.newAgentSamples(item.clientId(), agent, item.id());
            LongSupplier thisWeek = () -> agent == null ? Long.MAX_VALUE
                    : samples.sampledSince(item.clientId(), agent, weekStart(item.clientId(), completed.at()));
            rule.decide(draws.of(item.clientId(), item.id()), experience, thisWeek).ifPresent(reason -> samples.insert(item.clientId(),
                    item.id(), item.workType(), item.serviceLine(), agent, reason, completed.at()));
        }));
    }

    /**
     * A batch from the completion feed, decided as {@link #accept} decides each completion in turn,
     * with a handful of statements for the whole batch instead of four per completion: the batch's
     * items, its clients' rules, its agents' new-agent samples outside the batch and the samples its
     * items already have are read once, each decision also counts the new-agent samples of the batch's
     * other items (there already or decided before it), and the samples are written together. Only a
     * weekly minimum that decides asks for the week's count, after writing what was decided so far, so
     * that it counts those too.
     */
    @Override
    public void acceptAll(List<WorkItemCompleted> batch) {
        List<WorkItemCompleted> done = batch.stream().filter(c -> "DONE".equals(c.outcome())).toList();
        if (done.isEmpty()) {
            return;
        }
        Map<UUID, Map<Long, WorkItem>> items = workItems.getAll(done.stream().map(WorkItemCompleted::clientId).toList(),
                done.stream().map(WorkItemCompleted::itemId).toList());
        record AgentOnClient(UUID clientId, UUID agentId) {
        }
        record ItemOfClient(UUID clientId, long itemId) {
        }
        Map<AgentOnClient, Set<Long>> newAgentSamples = new HashMap<>();
        Set<ItemOfClient> sampled = new HashSet<>();
        List<UUID> agentClients = new ArrayList<>();
        List<UUID> agents = new ArrayList<>();
        for (WorkItemCompleted completed : done) {
            WorkItem item = items.getOrDefault(completed.clientId(), Map.of()).get(completed.itemId());
            if (item == null) {
                throw new NotFound("work item", completed.itemId());
            }
            UUID agent = whoseWork(completed, item);
            if (agent != null && newAgentSamples.putIfAbsent(new AgentOnClient(item.clientId(), agent), new HashSet<>()) == null) {
                agentClients.add(item.clientId());
                agents.add(agent);
            }
        }
        List<Long> itemIds = done.stream().map(WorkItemCompleted::itemId).toList();
        Map<AgentOnClient, Long> outsideBatch = new HashMap<>();
        if (!agents.isEmpty()) {
            samples.newAgentCounts(agentClients, agents, itemIds).forEach(c ->
                    outsideBatch.put(new AgentOnClient(c.clientId(), c.agentId()), c.samples()));
        }
        Set<ItemOfClient> inBatch = new HashSet<>();
        done.forEach(c -> inBatch.add(new ItemOfClient(c.clientId(), c.itemId())));
        for (SampleRows.Known known : samples.ofItems(done.stream().map(WorkItemCompleted::clientId).toList(), itemIds)) {
            if (!inBatch.contains(new ItemOfClient(known.clientId(), known.itemId()))) {
                continue;
            }
            sampled.add(new ItemOfClient(known.clientId(), known.itemId()));
            if (known.reason() == SampleReason.NEW_AGENT && known.agentId() != null) {
                newAgentSamples.computeIfAbsent(new AgentOnClient(known.clientId(), known.agentId()), k -> new HashSet<>())
                        .add(known.itemId());
            }
        }
        Map<UUID, List<SamplingPolicy>> rules = new HashMap<>();
        List<SampleRows.Decided> decided = new ArrayList<>();
        for (WorkItemCompleted completed : done) {
            WorkItem item = items.get(completed.clientId()).get(completed.itemId());
            UUID agent = whoseWork(completed, item);
            SamplingRule rule = ruleFor(item, agent, rules.computeIfAbsent(item.clientId(), policies::active));
            Set<Long> newAgent = agent == null ? Set.of() : newAgentSamples.get(new AgentOnClient(item.clientId(), agent));
            long experience = agent == null ? Long.MAX_VALUE
                    : outsideBatch.getOrDefault(new AgentOnClient(item.clientId(), agent), 0L)
                    + newAgent.size() - (newAgent.contains(item.id()) ? 1 : 0);
            LongSupplier thisWeek = () -> {
                if (agent == null) {
                    return Long.MAX_VALUE;
                }
                samples.insertAll(decided);
                decided.clear();
                return samples.sampledSince(item.clientId(), agent, weekStart(item.clientId(), completed.at()));
            };
            rule.decide(draws.of(item.clientId(), item.id()), experience, thisWeek).ifPresent(reason -> {
                if (sampled.add(new ItemOfClient(item.clientId(), item.id()))) {
                    decided.add(new SampleRows.Decided(item.clientId(), item.id(), item.workType(), item.serviceLine(), agent,
                            reason, completed.at()));
                    if (reason == SampleReason.NEW_AGENT && agent != null) {
                        newAgent.add(item.id());
                    }
                }
            });
        }
        samples.insertAll(decided);
    }

    /** The most specific of the client's rules that matches the item, else the work type's sample rate. */
    SamplingRule ruleFor(WorkItem item, @Nullable UUID agent) {
        return ruleFor(item, agent, policies.active(item.clientId()));
    }

    private SamplingRule ruleFor(WorkItem item, @Nullable UUID agent, List<SamplingPolicy> active) {
        return active.stream()
                .filter(p -> p.matches(item.serviceLine(), item.workType(), agent))
                .max(Comparator.comparingInt(SamplingPolicy::specificity))
                .map(SamplingPolicy::rule)
                .orElseGet(() -> new SamplingRule(workTypes.qaSampleRate(item.clientId(), item.workType(), item.workTypeVersion())));
    }

    @Transactional(readOnly = true)
    public List<Sample> waiting(UUID clientId, int limit) {
        clients.get(clientId);
        return samples.waiting(clientId, limit);
    }

    @Transactional(readOnly = true)
    public List<SamplingPolicy> policies(UUID clientId, CurrentUser by) {
        clients.get(clientId);
        QaRoles.requireStaff(by, "see sampling rules");
        return policies.active(clientId);
    }

    @Transactional
    public SamplingPolicy setPolicy(UUID clientId, SetSamplingPolicy command, CurrentUser by) {
        clients.get(clientId);
        QaRoles.requireQaLead(by, "set sampling rules");
        String line = blankToNull(command.serviceLine());
        String type = blankToNull(command.workType());
        if (type != null && workTypes.of(clientId).stream().noneMatch(t -> t.definition().code().equals(type))) {
            throw BusinessRuleViolation.invalid("workType", "the client has no work type " + type);
        }
        SamplingPolicy policy = new SamplingPolicy(clientId, Ids.next(), line, type, command.agentId(), command.percent(),
                command.minimumPerWeek(), command.newAgentItems() == null ? SamplingRule.NEW_AGENT_ITEMS : command.newAgentItems(),
                true, clock.instant(), by.email());
        policies.replace(policy);
        audit.record(clientId, "qa.sampling-rule.set", "sampling-rule", policy.id(), null, policy);
        return policy;
    }

    @Transactional
    public void retirePolicy(UUID clientId, UUID policyId, CurrentUser by) {
        clients.get(clientId);
        SamplingPolicy policy = policies.get(clientId, policyId).filter(SamplingPolicy::active)
                .orElseThrow(() -> new NotFound("sampling rule", policyId));
        QaRoles.requireQaLead(by, "retire sampling rules");
        policies.retire(clientId, policyId);
        audit.record(clientId, "qa.sampling-rule.retired", "sampling-rule", policyId, policy, null);
    }

    /** A flagged item is always evaluated; flagging it twice, or after it was sampled anyway, changes nothing. */
    @Transactional
    public Sample flag(UUID clientId, FlagItem command, CurrentUser by) {
        clients.get(clientId);
        WorkItem item = workItems.get(clientId, command.itemId());
        QaRoles.requireSupervisor(by, "flag work for QA");
        if (item.category() != StateCategory.DONE) {
            throw BusinessRuleViolation.conflict("item-not-completed", item.reference() + " is not completed yet; QA evaluates finished work.");
        }
        UUID agent = item.makerId() != null ? item.makerId() : item.assigneeId();
        if (samples.insert(clientId, item.id(), item.workType(), item.serviceLine(), agent, SampleReason.FLAGGED,
                item.completedAt() == null ? clock.instant() : item.completedAt(), command.note())) {
            audit.record(clientId, "qa.item.flagged", "work-item", item.id(), null, Map.of("note", command.note()));
        }
        return samples.get(clientId, item.id()).orElseThrow();
    }

    Optional<Sample> sample(UUID clientId, long itemId) {
        return samples.get(clientId, itemId);
    }

    boolean markEvaluated(UUID clientId, long itemId) {
        return samples.markEvaluated(clientId, itemId);
    }

    /** Weeks start on Monday in the client's time zone. */
    private Instant weekStart(UUID clientId, Instant at) {
        Client client = clients.get(clientId);
        return at.atZone(client.timeZone()).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atStartOfDay(client.timeZone()).toInstant();
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Under maker-checker the maker's work is what QA judges; otherwise the agent who held it. */
    private static @Nullable UUID whoseWork(WorkItemCompleted completed, WorkItem item) {
        return completed.makerId() != null ? completed.makerId() : item.assigneeId();
    }
}
