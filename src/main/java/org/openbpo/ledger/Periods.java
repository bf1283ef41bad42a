package org.openbpo.ledger;

import org.openbpo.audit.AuditTrail;
import org.openbpo.ledger.persistence.PeriodRows;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Monthly periods: open, soft-closed (accountants' adjusting entries only) or closed. The
 * database refuses postings into closed months whatever this node believes; the statuses kept
 * here for a second only spare each posting a query and give the clearer error first.
 */
@Service
public class Periods {

    private record Known(Map<YearMonth, PeriodStatus> statuses, Instant loadedAt) {
    }

    private final PeriodRows rows;
    private final Books books;
    private final AuditTrail audit;
    private final Clock clock;
    private final Map<UUID, Known> known = new ConcurrentHashMap<>();

    Periods(PeriodRows rows, Books books, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.books = books;
        this.audit = audit;
        this.clock = clock;
    }

    /** The twelve months of a year with their status. */
    @Transactional(readOnly = true)
    public List<Period> year(UUID client, int year) {
        if (year < 1 || year > 9999) {
            throw BusinessRuleViolation.invalid("year", year + " is not a year of the books (1 to 9999).");
        }
        books.book(client);
        Map<YearMonth, Period> changed = rows.all(client).stream()
                .collect(Collectors.toMap(Period::month, period -> period));
        List<Period> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            YearMonth ym = YearMonth.of(year, month);
            months.add(changed.getOrDefault(ym, new Period(ym, PeriodStatus.OPEN, null, null)));
        }
        return months;
    }

    @Transactional
    public Period change(UUID client, YearMonth month, PeriodStatus status) {
        return change(client, month, status, () -> { });
    }

    /**
     * Changes a month's status under the month's change lock, the one postings to it wait for; a
     * closed month is reopened only if {@code mayReopen} lets it (it throws otherwise). The status is
     * read under the lock, so a close that lands meanwhile cannot slip past the check.
     */
    @Transactional
    public Period change(UUID client, YearMonth month, PeriodStatus status, Runnable mayReopen) {
        books.book(client);
        PeriodStatus before = rows.lockAndRead(client, month);
        if (before == PeriodStatus.CLOSED && status != PeriodStatus.CLOSED) {
            mayReopen.run();
        }
        rows.change(client, month, status, clock.instant(), Books.actor());
        audit.record(client, "ledger.period-" + status.name().toLowerCase().replace('_', '-'), "period", month,
                before, status);
        known.remove(client);
        return new Period(month, status, clock.instant(), Books.actor());
    }

    @Transactional(readOnly = true)
    public PeriodStatus status(UUID client, YearMonth month) {
        return rows.status(client, month);
    }

    /** Refuses an entry dated in a closed month, or a non-adjusting one in a soft-closed month. */
    public void requireOpen(UUID client, LocalDate date, boolean adjusting) {
        Known statuses = known.get(client);
        if (statuses == null || statuses.loadedAt().plusSeconds(1).isBefore(clock.instant())) {
            statuses = new Known(rows.all(client).stream().collect(Collectors.toUnmodifiableMap(Period::month, Period::status)),
                    clock.instant());
            known.put(client, statuses);
        }
        refuse(date, statuses.statuses().getOrDefault(YearMonth.from(date), PeriodStatus.OPEN), adjusting);
    }

    static void refuse(LocalDate date, PeriodStatus status, boolean adjusting) {
        if (status == PeriodStatus.CLOSED) {
            throw new BusinessRuleViolation(422, "period-closed", "date",
                    "The period " + YearMonth.from(date) + " is closed; nothing posts into it. Post a correction in an open period.");
        }
        if (status == PeriodStatus.SOFT_CLOSED && !adjusting) {
            throw new BusinessRuleViolation(422, "period-soft-closed", "date",
                    "The period " + YearMonth.from(date) + " is soft-closed; only accountants' adjusting entries post into it.");
        }
    }
}
