package org.openbpo.work;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An item's checklist as its work type version lists it, with who ticked each step and when.
 * {@code required}: the work type refuses to close the item as done until every step is ticked.
 */
public record Checklist(boolean required, List<Step> steps) {

    public Checklist {
        steps = List.copyOf(steps);
    }

    /** One step; {@code number} is its position, 1 for the first, as the API names it. */
    public record Step(int number, String text, boolean ticked, @Nullable String tickedBy, @Nullable Instant tickedAt) {
    }

    public boolean complete() {
        return steps.stream().allMatch(Step::ticked);
    }

    public List<Step> unticked() {
        return steps.stream().filter(step -> !step.ticked()).toList();
    }
}
