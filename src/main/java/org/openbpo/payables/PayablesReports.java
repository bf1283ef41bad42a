package org.openbpo.payables;

import org.jspecify.annotations.Nullable;
import org.openbpo.payables.persistence.ReportRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Clients;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

/** The aging of what the client owes its vendors and the cash it will need for them. */
@Service
public class PayablesReports {

    private final ReportRows rows;
    private final Clients clients;
    private final Clock clock;

    PayablesReports(ReportRows rows, Clients clients, Clock clock) {
        this.rows = rows;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Aging aging(UUID client, @Nullable LocalDate asOf) {
        clients.get(client);
        LocalDate day = asOf != null ? asOf : today(client);
        List<Aging.Row> all = rows.aging(client, day);
        return new Aging(day, all.stream().filter(r -> r.vendor() != null).toList(), all.stream().filter(r -> r.vendor() == null).toList());
    }

    @Transactional(readOnly = true)
    public CashForecast forecast(UUID client, @Nullable LocalDate from, @Nullable Integer weeks) {
        clients.get(client);
        LocalDate start = from != null ? from : today(client);
        int count = weeks == null ? 8 : weeks;
        if (count < 1 || count > 52) {
            throw BusinessRuleViolation.invalid("weeks", "must be between 1 and 52");
        }
        LocalDate monday = start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new CashForecast(start, count, rows.forecast(client, start, monday.plusWeeks(count)));
    }

    private LocalDate today(UUID client) {
        return LocalDate.ofInstant(clock.instant(), clients.get(client).timeZone());
    }
}
