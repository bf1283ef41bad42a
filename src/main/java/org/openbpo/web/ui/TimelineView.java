package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;
import org.openbpo.contracts.Priority;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.work.ClientTimeline;
import org.openbpo.work.TimelineEntry;
import org.openbpo.work.WorkItem;
import org.openbpo.work.domain.WorkState;
import org.openbpo.work.domain.WorkTypeDefinition;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An item's timeline in words. The client reads the same story with the provider's internals left
 * out: who at the provider did it, hand-overs between agents and escalations stay inside.
 */
final class TimelineView {

    record Line(String at, String actor, String what, @Nullable String note, String kind) {
    }

    private TimelineView() {
    }

    static List<Line> of(List<TimelineEntry> entries, WorkItem item, WorkTypeDefinition type, ZoneId zone,
                         CurrentUser viewer, boolean requesterNamed, Map<UUID, String> staffNames, ObjectMapper json) {
        boolean client = !viewer.providerStaff();
        List<Line> lines = new ArrayList<>();
        for (TimelineEntry entry : entries) {
            JsonNode data = json.readTree(entry.data());
            String what = switch (entry.type()) {
                case "created" -> client ? "Raised" : "Raised with priority " + lower(data.path("priority").asString())
                        + " in queue " + data.path("queue").asString();
                case "assigned" -> client ? "Picked up by the service team"
                        : "Assigned to " + name(data.path("agent").asString(), staffNames)
                        + ("get-next".equals(data.path("how").asString()) ? " by get next" : " by a team lead");
                case "released" -> client ? null : "Released back to the queue"
                        + (data.path("why").isString() ? ": " + data.path("why").asString() : "");
                case "moved" -> label(type, data.path("from").asString()) + " → " + label(type, data.path("to").asString());
                case "escalated" -> client ? null : "SLA warning: priority raised to " + lower(priority(data));
                case "form-changed" -> "Changed " + fieldLabels(type, data.path("fields"));
                case "sla-breached" -> "SLA deadline passed";
                case "checklist-ticked" -> client ? null : "Ticked step " + data.path("step").asInt() + ": " + data.path("text").asString();
                case "checklist-unticked" -> client ? null : "Unticked step " + data.path("step").asInt() + ": " + data.path("text").asString();
                default -> client ? null : entry.type();
            };
            if (what != null) {
                String note = data.path("note").isString() ? data.path("note").asString() : null;
                lines.add(new Line(Moments.at(entry.at(), zone), actor(entry.actor(), item, viewer, requesterNamed), what, note, entry.type()));
            }
        }
        return lines;
    }

    private static String actor(String actor, WorkItem item, CurrentUser viewer, boolean requesterNamed) {
        if (viewer.providerStaff()) {
            return actor.equals(ClientTimeline.SLA_TIMER) ? ClientTimeline.SLA_CLOCK : actor;
        }
        return actor.equalsIgnoreCase(viewer.email()) ? "You" : ClientTimeline.actor(actor, item, viewer, requesterNamed);
    }

    private static String name(String id, Map<UUID, String> staffNames) {
        try {
            return staffNames.getOrDefault(UUID.fromString(id), "an agent");
        } catch (IllegalArgumentException e) {
            return "an agent";
        }
    }

    private static String fieldLabels(WorkTypeDefinition type, JsonNode names) {
        List<String> labels = new ArrayList<>();
        names.forEach(name -> labels.add(type.fields().stream().filter(f -> f.name().equals(name.asString()))
                .map(f -> f.label().toLowerCase(Locale.ROOT)).findFirst().orElse(name.asString())));
        return String.join(", ", labels);
    }

    private static String label(WorkTypeDefinition type, String state) {
        return type.states().stream().filter(s -> s.code().equals(state)).map(WorkState::label).findFirst().orElse(state);
    }

    private static String priority(JsonNode data) {
        int rank = data.path("priority").asInt(-1);
        return rank >= 0 && rank < Priority.values().length
                ? Priority.ofRank(rank).name() : "?";
    }

    private static String lower(String text) {
        return text.isEmpty() ? text : text.charAt(0) + text.substring(1).toLowerCase();
    }
}
