package org.openbpo.work;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.work.persistence.ServiceLevelRows;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The live service-level figures a client watches: how much finished work met its SLA this month,
 * and how old the open work is. Read straight from the work items until reporting keeps read models.
 */
@Service
public class ServiceLevels {

    /** Completed items with an SLA in a month (in the client's zone) and how many met it. */
    public record Attainment(YearMonth month, long completed, long met) {
        /** Whole percent, rounded down so a near miss never shows as 100; null before anything completed. */
        public @Nullable Integer percent() {
            return completed == 0 ? null : (int) (met * 100 / completed);
        }
    }

    /** One bar of the backlog chart. */
    public record AgeBand(String label, long items) {
    }

    private final ServiceLevelRows rows;
    private final Clients clients;
    private final Clock clock;

    ServiceLevels(ServiceLevelRows rows, Clients clients, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Attainment monthToDate(UUID clientId) {
        Client client = clients.get(clientId);
        ZoneId zone = client.timeZone();
        YearMonth month = YearMonth.from(clock.instant().atZone(zone));
        Instant from = month.atDay(1).atStartOfDay(zone).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        ServiceLevelRows.Completed done = rows.completed(clientId, from, to);
        return new Attainment(month, done.withSla(), done.met());
    }

    /** Open items by age since they were raised, in calendar time: how long the client has been waiting. */
    @Transactional(readOnly = true)
    public List<AgeBand> backlogByAge(UUID clientId) {
        clients.get(clientId);
        ServiceLevelRows.Ages ages = rows.openByAge(clientId, clock.instant());
        return List.of(new AgeBand("Under 1 day", ages.underADay()), new AgeBand("1–3 days", ages.oneToThreeDays()),
                new AgeBand("3–7 days", ages.threeToSevenDays()), new AgeBand("Over 7 days", ages.overAWeek()));
    }
}
