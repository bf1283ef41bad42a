package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.audit.AuditTrail;
import org.openbpo.contracts.Contracts;
import org.openbpo.contracts.Priority;
import org.openbpo.contracts.ServiceTerms;
import org.openbpo.contracts.SlaTarget;
import org.openbpo.shared.calendar.BusinessCalendar;
import org.openbpo.shared.database.GenericPlans;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ClientTimeZones;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.work.WorkEvents.WorkItemAssigned;
import org.openbpo.work.WorkEvents.WorkItemCompleted;
import org.openbpo.work.WorkEvents.WorkItemCreated;
import org.openbpo.work.WorkEvents.WorkItemPended;
import org.openbpo.work.WorkEvents.WorkItemResumed;
import org.openbpo.work.WorkEvents.WorkItemSlaBreached;
import org.openbpo.work.domain.SlaState;
import org.openbpo.work.domain.StateCategory;
import org.openbpo.work.domain.WorkState;
import org.openbpo.work.domain.WorkTransition;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.openbpo.work.persistence.ChecklistRows;
import org.openbpo.work.persistence.QueueRows;
import org.openbpo.work.persistence.TimelineRows;
import org.openbpo.work.persistence.WorkItemRows;
import org.openbpo.workforce.AgentEligibility;
import org.openbpo.workforce.Agents;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The work engine's front door: raising work, moving it through its work type, assigning it,
 * and keeping its SLA clock. Every change is locked, audited, written to the item's timeline and
 * announced as an event, in one transaction.
 */
@Service
public class WorkItems {

    private final WorkItemRows items;
    private final QueueRows queues;
    private final TimelineRows timeline;
    private final WorkTypes workTypes;
    private final Contracts contracts;
    private final Clients clients;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final CompletionFeed completions;
    private final Agents agents;
    private final ChecklistRows checklists;
    private final Users users;
    private final Clock clock;
    private final ClientTimeZones zones;
    // What items of a client's service line (and queue, when named) are built from; checked by every insert.
    private final Map<ConfigurationKey, Configuration> configurations = new ConcurrentHashMap<>();

    private record ConfigurationKey(UUID clientId, String serviceLine, @Nullable String queueCode) {
    }

    /** Built from the contract terms read under the client's time zone generation {@code zoneGeneration}. */
    private record Configuration(ServiceTerms terms, WorkTypes.VersionedWorkType workType, Queue queue, long zoneGeneration) {
    }

    WorkItems(WorkItemRows items, QueueRows queues, TimelineRows timeline, WorkTypes workTypes, Contracts contracts,
              Clients clients, AuditTrail audit, ApplicationEventPublisher events, CompletionFeed completions, Agents agents,
              ChecklistRows checklists, Users users, Clock clock, ClientTimeZones zones) {
        this.items = items;
        this.users = users;
        this.queues = queues;
        this.timeline = timeline;
        this.workTypes = workTypes;
        this.contracts = contracts;
        this.clients = clients;
        this.audit = audit;
        this.events = events;
        this.completions = completions;
        this.agents = agents;
        this.checklists = checklists;
        this.clock = clock;
        this.zones = zones;
    }

    /**
     * Raises an item. What it is built from — the client's contract version in force for the service
     * line, the work type's newest version and the queue — is remembered per client, service line and
     * queue, and the insert itself checks that it is still what is in force (see
     * {@link WorkItemRows#insert}); when it is not (a contract revised, a work type defined again, a
     * queue opened, on this node or another), it is looked up afresh and the insert tried again. So a
     * change applies exactly to work created after it, and an item costs one statement for the work
     * tables instead of one per look-up.
     */
    @Transactional(label = GenericPlans.LABEL)
    public WorkItem create(UUID clientId, CreateWorkItem command, CurrentUser by) {
        ConfigurationKey key = new ConfigurationKey(clientId, command.serviceLine(), command.queue());
        // Only a caller who may see the client is served from memory; anyone else meets the look-ups' 404.
        boolean visible = TenantScope.current().includes(clientId);
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant(); // afresh: a revision that took effect since is in force for this attempt
            Configuration remembered = visible ? inTerm(key, now) : null;
            Configuration configuration = remembered != null ? remembered : lookUp(clientId, command);
            WorkItem draft = draft(clientId, command, configuration, by, now);
            Optional<Long> id = items.insert(draft, by.email(),
                    Map.of("state", draft.state(), "priority", draft.priority().name(), "queue", configuration.queue().code()),
                    command.queue() == null, audit.carried("work-item.created", "work-item", null, createdRecord(draft)));
            if (id.isPresent()) {
                configurations.put(key, configuration);
                WorkItem item = draft.withId(id.get());
                events.publishEvent(new WorkItemCreated(clientId, item.id(), item.workType(), item.serviceLine(),
                        item.priority(), item.channel(), now));
                return item;
            }
            configurations.remove(key, remembered);
            if (remembered == null && attempt >= 3) {
                throw BusinessRuleViolation.conflict("configuration-changing",
                        "The contract, work type or queues of " + command.serviceLine() + " are being changed; try again.");
            }
        }
    }

    /** One item of {@link #createAll}: what to raise and on whose behalf. */
    public record NewWorkItem(CreateWorkItem command, CurrentUser by) {
    }

    /**
     * Raises many items of one client at once — a batch of customer emails — with what
     * {@link #create} gives each one (the configuration in force, the form checked, the SLA started
     * on the client's calendar, the timeline entry, the audit record, the event), but one statement
     * for the items and their timelines per service line and queue, and one for their audit records.
     * All or nothing: a form refused or a service line without a contract refuses the whole batch
     * with the same problem {@link #create} gives, so the caller may raise the items one by one to
     * learn which. Returns the items in the order given.
     */
    @Transactional
    public List<WorkItem> createAll(UUID clientId, List<NewWorkItem> batch) {
        if (batch.size() == 1) {
            return List.of(create(clientId, batch.getFirst().command(), batch.getFirst().by()));
        }
        Map<ConfigurationKey, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            CreateWorkItem command = batch.get(i).command();
            groups.computeIfAbsent(new ConfigurationKey(clientId, command.serviceLine(), command.queue()), k -> new java.util.ArrayList<>())
                    .add(i);
        }
        WorkItem[] created = new WorkItem[batch.size()];
        groups.forEach((key, members) -> {
            List<WorkItem> made = createGroup(clientId, key, members.stream().map(batch::get).toList());
            for (int k = 0; k < made.size(); k++) {
                created[members.get(k)] = made.get(k);
            }
        });
        List<WorkItem> items = List.of(created);
        audit.recordMany("work-item.created", "work-item", java.util.Collections.nCopies(items.size(), clientId),
                items.stream().map(item -> String.valueOf(item.id())).toList(),
                items.stream().map(item -> createdRecord(item)).toList());
        items.forEach(item -> events.publishEvent(new WorkItemCreated(clientId, item.id(), item.workType(), item.serviceLine(),
                item.priority(), item.channel(), item.createdAt())));
        return items;
    }

    /** The items of one client, service line and queue, inserted as {@link #create} inserts one (same checks, same retries). */
    private List<WorkItem> createGroup(UUID clientId, ConfigurationKey key, List<NewWorkItem> members) {
        CreateWorkItem first = members.getFirst().command();
        boolean visible = TenantScope.current().includes(clientId);
        for (int attempt = 1; ; attempt++) {
            Instant now = clock.instant();
            Configuration remembered = visible ? inTerm(key, now) : null;
            Configuration configuration = remembered != null ? remembered : lookUp(clientId, first);
            List<WorkItem> drafts = members.stream()
                    .map(member -> draft(clientId, member.command(), configuration, member.by(), now)).toList();
            List<Long> ids = items.insertAll(drafts.stream().map(draft -> new WorkItemRows.NewRow(draft, draft.requester(),
                    Map.of("state", draft.state(), "priority", draft.priority().name(), "queue", configuration.queue().code())))
                    .toList(), first.queue() == null);
            if (!ids.isEmpty()) {
                configurations.put(key, configuration);
                List<WorkItem> items = new java.util.ArrayList<>(drafts.size());
                for (int i = 0; i < drafts.size(); i++) {
                    items.add(drafts.get(i).withId(ids.get(i)));
                }
                return items;
            }
            configurations.remove(key, remembered);
            if (remembered == null && attempt >= 3) {
                throw BusinessRuleViolation.conflict("configuration-changing",
                        "The contract, work type or queues of " + first.serviceLine() + " are being changed; try again.");
            }
        }
    }

    /**
     * The remembered configuration while its contract's term runs. The insert checks the version, not the
     * term: once the term has ended (or not yet begun) the configuration is forgotten and looked up afresh,
     * which finds a renewal that took the service line over, or refuses the work saying why. The term's days
     * are counted in the client's time zone, so a configuration is also forgotten once the zone it was read
     * with is no longer current, whichever node changed it.
     */
    private @Nullable Configuration inTerm(ConfigurationKey key, Instant now) {
        Configuration remembered = configurations.get(key);
        if (remembered != null && (!zones.current(key.clientId(), remembered.zoneGeneration()) || !remembered.terms().inTermAt(now))) {
            configurations.remove(key, remembered);
            return null;
        }
        return remembered;
    }

    /** The configuration an item of the command is built from, read afresh. */
    private Configuration lookUp(UUID clientId, CreateWorkItem command) {
        long zoneGeneration = zones.generation(clientId);
        clients.get(clientId);
        ServiceTerms terms = contracts.requireTermsInForce(clientId, command.serviceLine());
        Queue queue = command.queue() == null
                ? queues.firstOfServiceLine(clientId, command.serviceLine()).orElseThrow(() -> BusinessRuleViolation.invalid(
                "serviceLine", "no queue serves " + command.serviceLine() + " yet"))
                : queues.byCode(clientId, command.queue()).filter(q -> q.serviceLine().equals(command.serviceLine()))
                .orElseThrow(() -> BusinessRuleViolation.invalid("queue", command.queue() + " is not a queue of " + command.serviceLine()));
        return new Configuration(terms, workTypes.current(clientId, terms.serviceLine().workType()), queue, zoneGeneration);
    }

    private WorkItem draft(UUID clientId, CreateWorkItem command, Configuration configuration, CurrentUser by, Instant now) {
        ServiceTerms terms = configuration.terms();
        WorkTypeDefinition definition = configuration.workType().definition();
        Map<String, @Nullable Object> form = command.form() == null ? Map.of() : command.form();
        Map<String, String> problems = definition.formProblems(form);
        if (!problems.isEmpty()) {
            var first = problems.entrySet().iterator().next();
            throw BusinessRuleViolation.invalid("form." + first.getKey(), first.getValue());
        }
        Priority priority = command.priority() == null ? Priority.NORMAL : command.priority();
        SlaTarget target = terms.target(priority);
        BusinessCalendar calendar = terms.calendar();
        SlaState sla = target == null ? SlaState.none()
                : SlaState.start(calendar, now, resolutionTarget(calendar, now, target), target.warningShare());
        Instant firstResponseDue = target == null || target.firstResponse() == null ? null
                : calendar.add(now, target.firstResponse());
        WorkState initial = definition.state(definition.initialState());
        Map<String, Object> cleanForm = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (value != null) {
                cleanForm.put(field, value);
            }
        });
        return new WorkItem(clientId, 0, definition.code(), configuration.workType().version(),
                terms.contractId(), terms.version(), command.serviceLine(), configuration.queue().id(), priority,
                initial.code(), initial.category(), command.title().strip(), cleanForm,
                command.channel() == null ? (by.providerStaff() ? "AGENT" : "PORTAL") : command.channel(),
                by.email(), null, null, null, now, now, null, firstResponseDue, null, sla);
    }

    @Transactional(readOnly = true)
    public WorkItem get(UUID clientId, long id) {
        return items.find(clientId, id).orElseThrow(() -> new NotFound("work item", id));
    }

    /**
     * The item, or empty when it does not exist or the caller may not see it. A caller that carries on
     * without the item asks this: a {@link NotFound} thrown through this service would mark the
     * caller's transaction for rollback even when the caller catches it.
     */
    @Transactional(readOnly = true)
    public Optional<WorkItem> find(UUID clientId, long id) {
        return items.find(clientId, id);
    }

    /**
     * Items named by client and id (the completions of a batch, say), read in one statement, keyed by
     * client and id; an item that does not exist or that the caller may not see is missing from the answer.
     */
    @Transactional(readOnly = true)
    public Map<UUID, Map<Long, WorkItem>> getAll(List<UUID> clientIds, List<Long> ids) {
        Map<UUID, Map<Long, WorkItem>> found = new HashMap<>();
        for (WorkItem item : items.findAll(clientIds, ids)) {
            found.computeIfAbsent(item.clientId(), c -> new HashMap<>()).put(item.id(), item);
        }
        return found;
    }

    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(UUID clientId, long id) {
        get(clientId, id);
        return timeline.of(clientId, id);
    }

    /**
     * Changes fields of the item's form: {@code changes} names each field to change, with its new value or null to
     * clear it, and the form as changed must pass its work type's rules. The holder or a team lead changes it while the
     * work is in hand; not while it waits for its check (return it for correction first, so the checker approves what
     * they checked). The client's people change their request while it is new or waits on them. Each change is on the
     * timeline (the field names) and in the audit trail (before and after).
     */
    @Transactional
    public WorkItem changeForm(UUID clientId, long id, Map<String, @Nullable Object> changes, CurrentUser by) {
        WorkItem item = items.lock(clientId, id).orElseThrow(() -> new NotFound("work item", id));
        requireMayChangeForm(item, by);
        if (changes.isEmpty()) {
            throw BusinessRuleViolation.invalid("form", "name at least one field to change");
        }
        WorkTypeDefinition definition = workTypes.version(clientId, item.workType(), item.workTypeVersion());
        Map<String, @Nullable Object> form = new LinkedHashMap<>(item.form());
        form.putAll(changes);
        Map<String, String> problems = definition.formProblems(form);
        if (!problems.isEmpty()) {
            var first = problems.entrySet().iterator().next();
            throw BusinessRuleViolation.invalid("form." + first.getKey(), first.getValue());
        }
        Map<String, @Nullable Object> before = new LinkedHashMap<>();
        Map<String, @Nullable Object> after = new LinkedHashMap<>();
        changes.forEach((field, value) -> {
            if (!Objects.equals(item.form().get(field), value)) {
                before.put(field, item.form().get(field));
                after.put(field, value);
            }
        });
        if (after.isEmpty()) {
            return item;
        }
        form.values().removeIf(Objects::isNull);
        Instant now = clock.instant();
        WorkItem changed = item.withForm(Map.copyOf(form), now);
        items.update(changed);
        timeline.append(clientId, id, now, by.email(), "form-changed", Map.of("fields", List.copyOf(after.keySet())));
        audit.record(clientId, "work-item.form-changed", "work-item", id, before, after);
        return changed;
    }

    private static void requireMayChangeForm(WorkItem item, CurrentUser by) {
        if (item.category().closed()) {
            throw BusinessRuleViolation.conflict("item-closed", "A closed item's form stays as it was closed.");
        }
        if (!by.providerStaff()) {
            if (item.category() != StateCategory.NEW && item.category() != StateCategory.PENDING_CLIENT) {
                throw BusinessRuleViolation.conflict("work-in-hand",
                        "The service team is working on this request; you can change it while it is new or waits on you.");
            }
            return;
        }
        if (item.category() == StateCategory.REVIEW) {
            throw BusinessRuleViolation.conflict("in-review",
                    "The item waits for its check: return it for correction to change its form.");
        }
        if (!by.id().equals(item.assigneeId()) && !isLead(by)) {
            throw new BusinessRuleViolation(403, "not-your-item", null, "Only the item's holder or a team lead changes its form.");
        }
    }

    /** The moves the caller may make from the item's current state. */
    @Transactional(readOnly = true)
    public List<WorkTransition> movesFor(UUID clientId, long id, CurrentUser by) {
        return movesFor(get(clientId, id), by);
    }

    /** The moves the caller may make from the state of the item as read. */
    List<WorkTransition> movesFor(WorkItem item, CurrentUser by) {
        UUID clientId = item.clientId();
        WorkTypeDefinition definition = workTypes.version(clientId, item.workType(), item.workTypeVersion());
        Set<String> roles = roleNames(by);
        if (!mayMoveWhoeverHolds(item, by)) {
            return List.of();
        }
        // asked once, not per transition: whether maker-checker keeps this person from approving it
        boolean mayNotApprove = definition.makerChecker() && item.category() == StateCategory.REVIEW
                && madeOrSentForCheck(item, definition, by);
        return definition.transitionsFrom(item.state()).stream()
                .filter(t -> t.allows(roles, by.providerStaff()))
                .filter(t -> !(mayNotApprove && definition.state(t.to()).category() == StateCategory.DONE))
                .toList();
    }

    /** Whether the person is the item's maker, or made it or sent it for its check in any round (maker-checker). */
    private boolean madeOrSentForCheck(WorkItem item, WorkTypeDefinition definition, CurrentUser by) {
        if (by.id().equals(item.makerId())) {
            return true;
        }
        List<String> reviewStates = definition.states().stream().filter(s -> s.category() == StateCategory.REVIEW)
                .map(WorkState::code).toList();
        return timeline.madeOrSentInto(item.clientId(), item.id(), reviewStates, by.email(), by.id());
    }

    /**
     * Moves the item through its work type. The item is read without locking it and written only if
     * nobody changed it since (its row version, PostgreSQL's xmin, is what was read); otherwise it is
     * read again and the move decided afresh. A row lock would cost a write of its own (a WAL record
     * and a dirtied page) on every move, for a conflict that is rare; after three lost races the
     * item is locked instead.
     */
    @Transactional
    public WorkItem move(UUID clientId, long id, MoveWorkItem command, CurrentUser by) {
        return moveAsDecided(clientId, id, item -> Optional.of(command), by).orElseThrow();
    }

    /**
     * Moves the item where {@code decide} says from the item as it is written: when someone changed the
     * item since it was read, the move is decided again on the item read afresh, so a move chosen from
     * the item's state (a customer's answer taking it back to work) never rests on a state that is gone.
     * Empty when {@code decide} chooses no move.
     */
    @Transactional
    public Optional<WorkItem> moveAsDecided(UUID clientId, long id, Function<WorkItem, Optional<MoveWorkItem>> decide,
                                            CurrentUser by) {
        for (int attempt = 1; ; attempt++) {
            WorkItemRows.Read read = attempt <= 3
                    ? items.read(clientId, id).orElseThrow(() -> new NotFound("work item", id))
                    : new WorkItemRows.Read(items.lock(clientId, id).orElseThrow(() -> new NotFound("work item", id)), null);
            Optional<MoveWorkItem> command = decide.apply(read.item());
            if (command.isEmpty()) {
                return Optional.empty();
            }
            Optional<WorkItem> moved = move(read.item(), read.version(), command.get(), by);
            if (moved.isPresent()) {
                return moved;
            }
        }
    }

    /** The move of the item as read; empty when the item is no longer at {@code version} (null: locked, so it is). */
    private Optional<WorkItem> move(WorkItem item, @Nullable String version, MoveWorkItem command, CurrentUser by) {
        UUID clientId = item.clientId();
        long id = item.id();
        WorkTypeDefinition definition = workTypes.version(clientId, item.workType(), item.workTypeVersion());
        WorkTransition transition = definition.transition(item.state(), command.to()).orElseThrow(() ->
                new BusinessRuleViolation(409, "illegal-transition", "to", "A " + definition.name() + " cannot move from '"
                        + item.state() + "' to '" + command.to() + "'. Allowed: "
                        + definition.transitionsFrom(item.state()).stream().map(WorkTransition::to).toList()));
        if (!transition.allows(roleNames(by), by.providerStaff())) {
            throw new BusinessRuleViolation(403, "transition-not-allowed", "to",
                    "Your roles may not move this item to '" + command.to() + "'.");
        }
        WorkState target = definition.state(command.to());
        Instant now = clock.instant();
        UUID maker = item.makerId();
        if (target.category() == StateCategory.REVIEW && item.category() != StateCategory.REVIEW) {
            // the maker is who holds the work when it goes for its check; one review state to another keeps them
            maker = item.assigneeId() != null && by.providerStaff() ? item.assigneeId() : by.id();
        }
        if (definition.makerChecker() && item.category() == StateCategory.REVIEW && target.category() == StateCategory.DONE) {
            // Neither the maker nor whoever sent it for the check approves it, in this round or any before: otherwise a
            // maker could have the item sent back, sent for its check again in another holder's name, and approve their
            // own work.
            if (madeOrSentForCheck(item, definition, by)) {
                throw new BusinessRuleViolation(409, "checker-is-maker", "to",
                        "Maker-checker: the person who did the work or sent it for its check cannot also approve it; "
                                + "a second person must check it.");
            }
        }
        if (!mayMoveWhoeverHolds(item, by)) {
            throw new BusinessRuleViolation(403, "not-your-item", "assignee", item.reference()
                    + " is in another agent's hands: only its holder or a team lead moves it. Ask a team lead to reassign it.");
        }
        if (definition.checklistRequired() && target.category() == StateCategory.DONE) {
            // read after the item: a tick or untick since touched the item, so the write below finds it changed
            List<String> unticked = Checklists.unticked(definition, checklists.tickedSteps(clientId, id));
            if (!unticked.isEmpty()) {
                throw new BusinessRuleViolation(422, "checklist-incomplete", "checklist", item.reference()
                        + " cannot be done before every step of its checklist is ticked. Not ticked yet: "
                        + String.join("; ", unticked) + ".");
            }
        }
        BusinessCalendar calendar = calendarOf(item);
        SlaState sla = item.sla();
        boolean reopening = item.category().closed() && !target.category().closed();
        if (reopening) {
            // the client reopened it: the clock goes on from what the work had used, and the verdict waits for its new close
            sla = sla.reopen(calendar, now, target.category().pausesSla() ? target.category().name() : null);
        } else if (target.category().pausesSla() && !item.category().pausesSla()) {
            sla = sla.pause(calendar, now, target.category().name());
        } else if (!target.category().pausesSla() && item.category().pausesSla() && !target.category().closed()) {
            sla = sla.resume(calendar, now);
        } else if (target.category().pausesSla() && item.category() != target.category()) {
            sla = sla.pausedFor(target.category().name()); // from waiting on the client to waiting on a third party, or back
        }
        if (target.category().closed()) {
            sla = sla.stop(calendar, now);
        }
        Instant firstResponse = item.firstRespondedAt() == null && by.providerStaff() ? now : item.firstRespondedAt();
        WorkItem moved = new WorkItem(item.clientId(), item.id(), item.workType(), item.workTypeVersion(), item.contractId(),
                item.contractVersion(), item.serviceLine(), item.queueId(), item.priority(), target.code(), target.category(),
                item.title(), item.form(), item.channel(), item.requester(), item.assigneeId(), item.assignedAt(), maker,
                item.createdAt(), now, firstResponse, item.firstResponseDueAt(),
                target.category().closed() ? now : null, sla);
        Map<String, Object> data = new HashMap<>();
        data.put("from", item.state());
        data.put("to", target.code());
        if (command.note() != null) {
            data.put("note", command.note());
        }
        if (target.category() == StateCategory.REVIEW && maker != null) {
            data.put("maker", maker.toString()); // kept for every round, so no earlier maker approves the work later
        }
        boolean closing = target.category().closed();
        // Handle time is the holder's work on the item: it stops while the item waits on someone else, and while it
        // waits for its check (a checker handed the item handles it from then; one who approves it unassigned does not).
        boolean intoReview = target.category() == StateCategory.REVIEW && item.category() != StateCategory.REVIEW;
        Optional<WorkItemRows.Moved> written = items.move(moved, version, by.email(), data,
                target.category().pausesSla() || closing || intoReview,
                target.category().pausesSla(), item.category() == StateCategory.PENDING_CLIENT,
                closing ? completions.consumerNames() : new String[0], closing ? definition.billableUnit() : null, by.id(),
                audit.carried("work-item.moved", "work-item", Map.of("state", item.state()), Map.of("state", target.code())));
        if (written.isEmpty()) {
            return Optional.empty();
        }
        boolean backToWork = item.category().pausesSla() || reopening || item.category() == StateCategory.REVIEW;
        if (backToWork && !target.category().pausesSla() && !target.category().closed() && target.category() != StateCategory.REVIEW
                && moved.assigneeId() != null) {
            items.startHandling(clientId, id, moved.assigneeId(), now);
        }
        if (item.sla().breachedAt() == null && moved.sla().breachedAt() != null) {
            breachedOnTheWay(moved, now);
        }
        announce(item, moved, definition, by, now, written.get());
        return Optional.of(moved);
    }

    /**
     * Gives the agent the most urgent item among the queues they may serve; empty when there is
     * none, or when the agent already holds {@code capacity} open items.
     */
    @Transactional
    public Optional<WorkItem> claimNext(CurrentUser agent, Collection<UUID> eligibleQueues, int capacity) {
        Instant now = clock.instant();
        Optional<WorkItem> claimed = items.claimNext(eligibleQueues, agent.id(), capacity, agent.email(), now,
                audit.carried("work-item.assigned", "work-item", null, assignedRecord(agent.id())));
        claimed.ifPresent(item -> events.publishEvent(new WorkItemAssigned(item.clientId(), item.id(), agent.id(), now)));
        return claimed;
    }

    /** How many open items the agent holds now. */
    long holding(UUID agentId) {
        return items.holding(agentId);
    }

    @Transactional
    public WorkItem assign(UUID clientId, long id, UUID agentId, CurrentUser by) {
        WorkItem item = items.lock(clientId, id).orElseThrow(() -> new NotFound("work item", id));
        requireLead(by);
        if (item.category().closed()) {
            throw BusinessRuleViolation.conflict("item-closed", "A closed item cannot be assigned.");
        }
        AgentEligibility eligibility = agents.eligibilityIfAgent(agentId).orElseThrow(() -> new BusinessRuleViolation(422,
                "not-an-agent", "agentId", "Work is assigned to agents; " + agentId + " has no agent profile."));
        if (!users.isActive(agentId)) {
            // a deactivated user keeps their agent profile (history, reports) but signs in no more: the work would sit unworked
            throw new BusinessRuleViolation(422, "agent-inactive", "agentId",
                    "The agent's user account is deactivated; work is assigned to agents who can sign in.");
        }
        requireMayServe(item, eligibility, "agentId");
        Instant now = clock.instant();
        items.stopHandling(clientId, id, now);
        WorkItem assigned = withAssignee(item, agentId, now);
        items.update(assigned);
        assigned(assigned, agentId, by.email(), now, item.assigneeId() == null ? "assigned" : "reassigned");
        return assigned;
    }

    /**
     * An agent takes an unassigned item for themselves, outside get-next: a live chat they answer
     * while the customer waits. Taking an item someone else holds is refused.
     */
    @Transactional
    public WorkItem take(UUID clientId, long id, CurrentUser agent) {
        WorkItem item = items.lock(clientId, id).orElseThrow(() -> new NotFound("work item", id));
        if (!agent.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "Only the provider's agents take work.");
        }
        if (item.category().closed()) {
            throw BusinessRuleViolation.conflict("item-closed", "A closed item cannot be taken.");
        }
        if (agent.id().equals(item.assigneeId())) {
            return item;
        }
        if (item.assigneeId() != null) {
            throw BusinessRuleViolation.conflict("already-taken", item.reference() + " is already held by another agent.");
        }
        agents.eligibilityIfAgent(agent.id()).ifPresent(eligibility -> requireMayServe(item, eligibility, null));
        Instant now = clock.instant();
        WorkItem taken = withAssignee(item, agent.id(), now);
        items.update(taken);
        assigned(taken, agent.id(), agent.email(), now, "taken");
        return taken;
    }

    @Transactional
    public WorkItem release(UUID clientId, long id, CurrentUser by) {
        WorkItem item = items.lock(clientId, id).orElseThrow(() -> new NotFound("work item", id));
        if (item.assigneeId() == null) {
            throw BusinessRuleViolation.conflict("not-assigned", "The item is not assigned to anyone.");
        }
        if (!by.id().equals(item.assigneeId()) && !isLead(by)) {
            throw new BusinessRuleViolation(403, "not-your-item", null, "Only its agent or a team lead can release an item.");
        }
        Instant now = clock.instant();
        items.stopHandling(clientId, id, now);
        WorkItem released = withAssignee(item, null, now);
        items.update(released);
        timeline.append(clientId, id, now, by.email(), "released", Map.of("from", String.valueOf(item.assigneeId())));
        audit.record(clientId, "work-item.released", "work-item", id, Map.of("assignee", String.valueOf(item.assigneeId())), null);
        return released;
    }

    @Transactional(readOnly = true)
    public List<WorkItem> page(UUID clientId, @Nullable StateCategory category, @Nullable UUID assignee, long afterId, int limit) {
        clients.get(clientId);
        return items.page(clientId, category, assignee, afterId, limit);
    }

    @Transactional(readOnly = true)
    public List<WorkItem> assignedTo(CurrentUser agent, Collection<UUID> clientIds) {
        return items.assignedTo(agent.id(), clientIds);
    }

    /** What waits unassigned in a client's queues, most urgent first: what a team lead hands out. */
    @Transactional(readOnly = true)
    public List<WorkItem> waiting(UUID clientId, int limit) {
        clients.get(clientId);
        return items.waiting(clientId, limit);
    }

    /** A client's items, newest first: what the client's people follow in the portal. */
    @Transactional(readOnly = true)
    public List<WorkItem> latest(UUID clientId, long beforeId, int limit) {
        clients.get(clientId);
        return items.latest(clientId, beforeId, limit);
    }

    /**
     * Business time left before the item's resolution deadline, on the client's calendar; negative
     * once it is overdue. Empty when the item has no SLA or its clock has stopped for good.
     */
    @Transactional(readOnly = true)
    public Optional<Duration> slaRemaining(WorkItem item) {
        SlaState sla = item.sla();
        if (!sla.applies() || sla.met() != null || sla.targetSeconds() == null) {
            return Optional.empty();
        }
        long consumed = sla.consumedSeconds();
        if (sla.runningSince() != null) {
            Instant now = clock.instant();
            BusinessCalendar calendar = calendarOf(item);
            consumed += now.isAfter(sla.runningSince()) ? calendar.businessTimeBetween(sla.runningSince(), now).toSeconds() : 0;
        }
        return Optional.of(Duration.ofSeconds(sla.targetSeconds() - consumed));
    }

    /**
     * Handle time spent on the item away from the workspace — an agent's talk time on a phone
     * call — recorded when it is over. Recording the same stretch twice counts it once.
     */
    @Transactional
    public void recordHandleTime(UUID clientId, long id, UUID agentId, Instant from, Instant to, String why) {
        if (to.isBefore(from)) {
            throw BusinessRuleViolation.invalid("endedAt", "ends before it starts");
        }
        get(clientId, id);
        items.recordHandling(clientId, id, agentId, from, to);
        timeline.append(clientId, id, to, why, "handled", Map.of("agent", agentId.toString(),
                "seconds", Duration.between(from, to).toSeconds()));
        audit.record(clientId, "work-item.handle-time-recorded", "work-item", id, null,
                Map.of("agent", agentId.toString(), "from", from.toString(), "to", to.toString(), "why", why));
    }

    @Transactional(readOnly = true)
    public long handleSeconds(UUID clientId, long id) {
        return items.handleSeconds(clientId, id);
    }

    BusinessCalendar calendarOf(WorkItem item) {
        if (item.contractId() == null || item.contractVersion() == null) {
            return BusinessCalendar.always(java.time.ZoneOffset.UTC);
        }
        return contracts.terms(item.clientId(), item.contractId(), item.contractVersion(), item.serviceLine()).calendar();
    }

    private void assigned(WorkItem item, UUID agentId, String actor, Instant now, String how) {
        if (!item.category().pausesSla()) {
            // waiting on the client or a third party nobody handles it; handling starts when the work comes back
            items.startHandling(item.clientId(), item.id(), agentId, now);
        }
        timeline.append(item.clientId(), item.id(), now, actor, "assigned", Map.of("agent", agentId.toString(), "how", how));
        announceAssigned(item, agentId, now);
    }

    /**
     * The deadline passed and the move, not a timer tick, was first to see it (the item was completed or paused a
     * moment late, or while the timers were behind): recorded as the timers record a breach.
     */
    private void breachedOnTheWay(WorkItem item, Instant now) {
        Instant due = item.sla().breachedAt();
        timeline.append(item.clientId(), item.id(), due, "sla-timer", "sla-breached", Map.of("priority", item.priority().name()));
        audit.record(item.clientId(), "work-item.sla-breached", "work-item", item.id(), null,
                Map.of("priority", item.priority().name(), "dueAt", due.toString()));
        events.publishEvent(new WorkItemSlaBreached(item.clientId(), item.id(), due, now));
    }

    /** Audit and event of an assignment whose handle time and timeline entry are written. */
    private void announceAssigned(WorkItem item, UUID agentId, Instant now) {
        audit.record(item.clientId(), "work-item.assigned", "work-item", item.id(), null, assignedRecord(agentId));
        events.publishEvent(new WorkItemAssigned(item.clientId(), item.id(), agentId, now));
    }

    private static Map<String, String> assignedRecord(UUID agentId) {
        return Map.of("assignee", agentId.toString());
    }

    /**
     * {@code measured}: what the move measured; its handle time is known (and needed) once the item is
     * closed, when the move also wrote the completion to the feed.
     */
    private void announce(WorkItem before, WorkItem after, WorkTypeDefinition definition, CurrentUser by, Instant now,
                          WorkItemRows.Moved measured) {
        if (after.category().pausesSla() && !before.category().pausesSla()) {
            events.publishEvent(new WorkItemPended(after.clientId(), after.id(), after.category().name(), now));
        } else if (before.category().pausesSla() && !after.category().pausesSla()) {
            events.publishEvent(new WorkItemResumed(after.clientId(), after.id(), now));
        }
        if (after.category().closed()) {
            WorkStatistics.Outcome outcome = measured.pendingClientSeconds() == null || measured.everPaused() == null
                    || after.category() != StateCategory.DONE ? null
                    : new WorkStatistics.Outcome(after.id(), after.serviceLine(), after.priority(), now, after.sla().met(),
                    measured.everPaused(), measured.handledSeconds(), measured.pendingClientSeconds());
            WorkItemCompleted completed = new WorkItemCompleted(after.clientId(), after.id(), after.workType(),
                    after.serviceLine(), after.category().name(), definition.billableUnit(), after.sla().met(),
                    measured.handledWholeSeconds(), by.id(), after.makerId(), now, outcome);
            completions.wakeAfterCommit();
            events.publishEvent(completed);
        }
    }

    /**
     * What the audit record of a new item says: what was raised, by whom, through which channel, with
     * what it was built from (contract and work type versions, queue) and the SLA deadline it started
     * with. Not the whole item: everything else of a new item is empty or derived from these, and the
     * item's columns hold it; serialising all of it cost a twentieth of a lifecycle's JVM time.
     */
    private static Map<String, Object> createdRecord(WorkItem item) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("title", item.title());
        record.put("workType", item.workType());
        record.put("workTypeVersion", item.workTypeVersion());
        record.put("serviceLine", item.serviceLine());
        if (item.contractId() != null) {
            record.put("contract", item.contractId());
            record.put("contractVersion", item.contractVersion());
        }
        record.put("queue", item.queueId());
        record.put("priority", item.priority().name());
        record.put("state", item.state());
        record.put("channel", item.channel());
        record.put("requester", item.requester());
        if (!item.form().isEmpty()) {
            record.put("form", item.form());
        }
        if (item.sla().dueAt() != null) {
            record.put("dueAt", item.sla().dueAt().toString());
        }
        return record;
    }

    /**
     * What get-next's routing enforces, enforced for work handed over by hand too: the agent is certified by the client,
     * and works at a centre allowed to handle the client's data. Skills, language, shift and capacity are left to the
     * team lead's judgement; certification and data residency are the client's terms. Team leads and managers without an
     * agent profile who take an item themselves are not routed, and act under their role's access.
     */
    private static void requireMayServe(WorkItem item, AgentEligibility agent, @Nullable String field) {
        if (!agent.certifiedClients().contains(item.clientId())) {
            throw new BusinessRuleViolation(409, "agent-not-certified", field,
                    "The agent is not certified for this client's work, so " + item.reference() + " cannot be theirs.");
        }
        if (!agent.centreMayServe().contains(item.clientId())) {
            throw new BusinessRuleViolation(409, "data-residency", field,
                    "The agent's delivery centre may not handle this client's data, so " + item.reference() + " cannot be theirs.");
        }
    }

    private static WorkItem withAssignee(WorkItem item, @Nullable UUID assignee, Instant now) {
        return new WorkItem(item.clientId(), item.id(), item.workType(), item.workTypeVersion(), item.contractId(),
                item.contractVersion(), item.serviceLine(), item.queueId(), item.priority(), item.state(), item.category(),
                item.title(), item.form(), item.channel(), item.requester(), assignee, assignee == null ? null : now,
                item.makerId(), item.createdAt(), now, item.firstRespondedAt(), item.firstResponseDueAt(),
                item.completedAt(), item.sla());
    }

    /** Back-office turnaround in business days becomes the business time up to that deadline. */
    private static Duration resolutionTarget(BusinessCalendar calendar, Instant now, SlaTarget target) {
        if (target.resolution() != null) {
            return target.resolution();
        }
        Instant due = calendar.addBusinessDays(now, target.turnaroundDays(),
                target.cutOff() == null ? java.time.LocalTime.of(17, 0) : target.cutOff());
        return calendar.businessTimeBetween(now, due);
    }

    /**
     * Whether the caller may move the item as far as its holder goes (the transition's roles decide the rest). Work in
     * someone's hands is theirs: another agent who moved it would finish, pend or send for its check work they never
     * handled, under the holder's handle time, unseen by routing. Team leads, operations managers and administrators move
     * any item (they reassign and unblock work). An unassigned item is the team's: whoever the transition allows moves
     * it (payroll and payables staff work their runs and exceptions so). An item waiting for its check in its maker's
     * hands waits for a second person, any checker (maker-checker keeps the maker from approving it); once a lead has
     * handed the check to a checker, it is that checker's. Reopening a closed item does not depend on its last holder,
     * to whom it goes back. The client's people never hold work: their transitions' roles decide.
     */
    static boolean mayMoveWhoeverHolds(WorkItem item, CurrentUser by) {
        return !by.providerStaff() || isLead(by) || item.assigneeId() == null || by.id().equals(item.assigneeId())
                || (item.category() == StateCategory.REVIEW && item.assigneeId().equals(item.makerId()))
                || item.category().closed();
    }

    private static Set<String> roleNames(CurrentUser user) {
        return user.roles().stream().map(Role::name).collect(Collectors.toSet());
    }

    private static boolean isLead(CurrentUser user) {
        return user.providerStaff() && (user.has(Role.TEAM_LEAD) || user.has(Role.OPERATIONS_MANAGER) || user.has(Role.ADMINISTRATOR));
    }

    private static void requireLead(CurrentUser user) {
        if (!isLead(user)) {
            throw new BusinessRuleViolation(403, "team-lead-only", null, "Only team leads and operations managers assign work.");
        }
    }
}
