package org.openbpo.workforce;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/** A provider site where agents work. Provider-owned: it belongs to no client. */
public record DeliveryCentre(UUID id, String code, String name, Shore shore, String country, ZoneId timeZone,
                             CostRate costPerAgentHour, ShiftCalendar shiftCalendar, Instant createdAt) {

    public DeliveryCentre {
        Objects.requireNonNull(id);
        Objects.requireNonNull(shore);
        Objects.requireNonNull(timeZone);
        Objects.requireNonNull(costPerAgentHour);
        Objects.requireNonNull(shiftCalendar);
    }

    public boolean isOnShift(Instant at) {
        return shiftCalendar.isOpen(at, timeZone);
    }
}
