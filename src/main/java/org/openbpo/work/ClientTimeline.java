package org.openbpo.work;

import org.openbpo.tenancy.CurrentUser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An item's timeline as the client reads it: what happened to their request, without the provider's
 * internals. Hand-overs between agents, releases, escalations and internal comments stay inside; the
 * provider's people are "Service team"; queues and priorities are not shown. The portal's pages tell
 * the same story in words.
 */
public final class ClientTimeline {

    /** The actor of what the SLA timers did, and how everyone reads it. */
    public static final String SLA_TIMER = "sla-timer";
    public static final String SLA_CLOCK = "SLA clock";
    private static final Set<String> SHOWN = Set.of("created", "moved", "form-changed", "sla-breached", "commented", "first-response");
    private static final Set<String> CREATED_FIELDS = Set.of("state");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClientTimeline() {
    }

    /** {@code requesterNamed}: whether the item's requester is named to the client (not when one of the provider's people raised it). */
    public static List<TimelineEntry> of(List<TimelineEntry> entries, WorkItem item, CurrentUser viewer, boolean requesterNamed) {
        List<TimelineEntry> shown = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            if (!SHOWN.contains(entry.type())) {
                continue;
            }
            JsonNode data = JSON.readTree(entry.data());
            if (entry.type().equals("commented") && !"CLIENT".equals(data.path("visibility").asString(""))) {
                continue;
            }
            if (entry.type().equals("created") && data instanceof ObjectNode fields) {
                fields.retain(CREATED_FIELDS);
            }
            if (entry.type().equals("moved") && data instanceof ObjectNode fields) {
                fields.remove("maker"); // who made the work is the provider's business
            }
            shown.add(new TimelineEntry(entry.at(), actor(entry.actor(), item, viewer, requesterNamed), entry.type(),
                    JSON.writeValueAsString(data)));
        }
        return shown;
    }

    /**
     * Who did it, as the client's people read it: themselves and the requester by name (unless one of the provider's
     * people raised the item: a pay run its preparer, say), the provider's people as one team.
     */
    public static String actor(String actor, WorkItem item, CurrentUser viewer, boolean requesterNamed) {
        if (actor.equals(SLA_TIMER)) {
            return SLA_CLOCK;
        }
        if (actor.equalsIgnoreCase(viewer.email()) || requesterNamed && actor.equalsIgnoreCase(item.requester())) {
            return actor;
        }
        return CurrentUser.SERVICE_TEAM;
    }
}
