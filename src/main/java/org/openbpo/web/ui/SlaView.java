package org.openbpo.web.ui;

import org.jspecify.annotations.Nullable;

/**
 * An SLA clock as a person reads it: one status with its badge, the deadline in the client's
 * zone, the business time left (or overdue), and, while paused, since when and why.
 */
public record SlaView(Status status, @Nullable String due, @Nullable String remaining, @Nullable String pause,
                      String zone) {

    public enum Status {
        NONE("No SLA"), ON_TRACK("On track"), WARNING("SLA warning"), BREACHED("SLA breached"), PAUSED("Paused"),
        MET("SLA met"), MISSED("SLA missed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The CSS class of its badge. */
        public String css() {
            return "sla-" + name().toLowerCase().replace('_', '-');
        }
    }

    public boolean running() {
        return status == Status.ON_TRACK || status == Status.WARNING || status == Status.BREACHED;
    }
}
