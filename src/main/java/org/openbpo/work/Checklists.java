package org.openbpo.work;

import org.openbpo.audit.AuditTrail;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.shared.error.NotFound;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.domain.WorkTypeDefinition;
import org.openbpo.work.persistence.ChecklistRows;
import org.openbpo.work.persistence.TimelineRows;
import org.openbpo.work.persistence.WorkItemRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The checklist of an item's work type, ticked step by step on the item. Whoever may move the item
 * (its holder, a team lead, anyone of the team while it waits unassigned) ticks and unticks it, while
 * it is open; each tick is on the item's timeline and in the audit trail. Where the work type requires
 * it ({@link WorkTypeDefinition#checklistRequired()}) the engine refuses to close the item as done
 * until every step is ticked (see {@link WorkItems#move}).
 */
@Service
public class Checklists {

    private final WorkItemRows items;
    private final ChecklistRows ticks;
    private final TimelineRows timeline;
    private final WorkTypes workTypes;
    private final AuditTrail audit;
    private final Clock clock;

    Checklists(WorkItemRows items, ChecklistRows ticks, TimelineRows timeline, WorkTypes workTypes, AuditTrail audit,
               Clock clock) {
        this.items = items;
        this.ticks = ticks;
        this.timeline = timeline;
        this.workTypes = workTypes;
        this.audit = audit;
        this.clock = clock;
    }

    /** The item's checklist with its ticks; empty when its work type version has no checklist. */
    @Transactional(readOnly = true)
    public Optional<Checklist> of(UUID clientId, long itemId) {
        WorkItem item = items.find(clientId, itemId).orElseThrow(() -> new NotFound("work item", itemId));
        return of(item);
    }

    /** The checklist of an item already read. */
    @Transactional(readOnly = true)
    public Optional<Checklist> of(WorkItem item) {
        WorkTypeDefinition definition = workTypes.version(item.clientId(), item.workType(), item.workTypeVersion());
        if (definition.checklist().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(checklist(definition, ticks.of(item.clientId(), item.id())));
    }

    /** Whether the user may tick and untick the item's checklist now. */
    public boolean mayTick(WorkItem item, CurrentUser by) {
        return by.providerStaff() && !item.category().closed() && WorkItems.mayMoveWhoeverHolds(item, by);
    }

    /** Ticks step {@code step} (1 for the first); ticking a ticked step changes nothing. */
    @Transactional
    public Checklist tick(UUID clientId, long itemId, int step, CurrentUser by) {
        return change(clientId, itemId, step, by, true);
    }

    /** Unticks step {@code step}; unticking a step that is not ticked changes nothing. */
    @Transactional
    public Checklist untick(UUID clientId, long itemId, int step, CurrentUser by) {
        return change(clientId, itemId, step, by, false);
    }

    private Checklist change(UUID clientId, long itemId, int step, CurrentUser by, boolean tick) {
        // locked, so a move in flight either sees this change or comes after it and finds the item changed
        WorkItem item = items.lock(clientId, itemId).orElseThrow(() -> new NotFound("work item", itemId));
        WorkTypeDefinition definition = workTypes.version(clientId, item.workType(), item.workTypeVersion());
        if (definition.checklist().isEmpty()) {
            throw new BusinessRuleViolation(404, "no-checklist", "step", "The work type of " + item.reference()
                    + " has no checklist.");
        }
        if (step < 1 || step > definition.checklist().size()) {
            throw new BusinessRuleViolation(404, "no-such-step", "step", "The checklist of " + item.reference()
                    + " has steps 1 to " + definition.checklist().size() + "; there is no step " + step + ".");
        }
        if (!by.providerStaff()) {
            throw new BusinessRuleViolation(403, "forbidden", null, "The checklist is the service team's procedure.");
        }
        if (item.category().closed()) {
            throw BusinessRuleViolation.conflict("item-closed", "A closed item's checklist stays as it was closed.");
        }
        if (!WorkItems.mayMoveWhoeverHolds(item, by)) {
            throw new BusinessRuleViolation(403, "not-your-item", "assignee", item.reference()
                    + " is in another agent's hands: only its holder or a team lead ticks its checklist.");
        }
        Instant now = clock.instant();
        String text = definition.checklist().get(step - 1);
        boolean changed = tick ? ticks.tick(clientId, itemId, step, by.email(), now) : ticks.untick(clientId, itemId, step, now);
        if (changed) {
            Map<String, Object> what = Map.of("step", step, "text", text);
            timeline.append(clientId, itemId, now, by.email(), tick ? "checklist-ticked" : "checklist-unticked", what);
            audit.record(clientId, tick ? "work-item.checklist-ticked" : "work-item.checklist-unticked", "work-item", itemId,
                    Map.of("step", step, "ticked", !tick), Map.of("step", step, "text", text, "ticked", tick));
        }
        return checklist(definition, ticks.of(clientId, itemId));
    }

    /** The steps not ticked yet, in order: what keeps a required checklist's item from closing as done. */
    static List<String> unticked(WorkTypeDefinition definition, Collection<Integer> tickedSteps) {
        Set<Integer> ticked = new HashSet<>(tickedSteps);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < definition.checklist().size(); i++) {
            if (!ticked.contains(i + 1)) {
                missing.add((i + 1) + ". " + definition.checklist().get(i));
            }
        }
        return missing;
    }

    private static Checklist checklist(WorkTypeDefinition definition, List<ChecklistRows.Tick> ticked) {
        Map<Integer, ChecklistRows.Tick> byStep = ticked.stream().collect(Collectors.toMap(ChecklistRows.Tick::step, Function.identity()));
        List<Checklist.Step> steps = new ArrayList<>();
        for (int i = 0; i < definition.checklist().size(); i++) {
            ChecklistRows.Tick tick = byStep.get(i + 1);
            steps.add(new Checklist.Step(i + 1, definition.checklist().get(i), tick != null,
                    tick == null ? null : tick.tickedBy(), tick == null ? null : tick.tickedAt()));
        }
        return new Checklist(definition.checklistRequired(), steps);
    }
}
