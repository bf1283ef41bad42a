package org.openbpo.web.ui;

import org.openbpo.work.WorkItem;
import org.openbpo.work.WorkItems;
import org.openbpo.work.domain.SlaState;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/** Turns an item's SLA clock into what the agent, the team lead and the client see. */
@Component
class SlaViews {

    private final WorkItems workItems;

    SlaViews(WorkItems workItems) {
        this.workItems = workItems;
    }

    /** {@code forClient} words the pause from the client's side: the item waits on them. */
    SlaView of(WorkItem item, ZoneId zone, boolean forClient) {
        SlaState sla = item.sla();
        String zoneId = zone.getId();
        if (!sla.applies()) {
            return new SlaView(SlaView.Status.NONE, null, null, null, zoneId);
        }
        if (sla.met() != null) {
            return new SlaView(sla.met() ? SlaView.Status.MET : SlaView.Status.MISSED, null, null, null, zoneId);
        }
        Optional<Duration> remaining = workItems.slaRemaining(item);
        String left = remaining.map(SlaViews::left).orElse(null);
        if (sla.paused()) {
            String who = switch (String.valueOf(sla.pauseReason())) {
                case "PENDING_CLIENT" -> forClient ? "waiting on you" : "waiting on client";
                case "PENDING_THIRD_PARTY" -> "waiting on a third party";
                default -> "on hold";
            };
            String since = sla.pausedSince() == null ? "" : " since " + Moments.at(sla.pausedSince(), zone);
            return new SlaView(SlaView.Status.PAUSED, null, left, "Paused — " + who + since, zoneId);
        }
        SlaView.Status status = sla.breachedAt() != null || remaining.map(Duration::isNegative).orElse(false)
                ? SlaView.Status.BREACHED : sla.escalatedAt() != null ? SlaView.Status.WARNING : SlaView.Status.ON_TRACK;
        String due = sla.dueAt() == null ? null : Moments.at(sla.dueAt(), zone);
        return new SlaView(status, due, left, null, zoneId);
    }

    private static String left(Duration remaining) {
        return remaining.isNegative() ? Moments.span(remaining) + " overdue" : Moments.span(remaining) + " left";
    }
}
