package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.work.WorkItem;
import org.openbpo.work.domain.StateCategory;

import java.util.UUID;

/** A work item with what the screens add to it: names instead of codes, and its SLA as words. */
public record WorkItemView(WorkItem item, String clientName, String workTypeName, String stateLabel, SlaView sla,
                           @Nullable String assignee) {

    public UUID clientId() {
        return item.clientId();
    }

    public long id() {
        return item.id();
    }

    public String reference() {
        return item.reference();
    }

    /** The CSS class of the state badge, by what the state means rather than what it is called. */
    public String stateCss() {
        return "state-" + item.category().name().toLowerCase().replace('_', '-');
    }

    public boolean waitingOnClient() {
        return item.category() == StateCategory.PENDING_CLIENT;
    }

    public String priority() {
        String name = item.priority().name();
        return name.charAt(0) + name.substring(1).toLowerCase();
    }
}
