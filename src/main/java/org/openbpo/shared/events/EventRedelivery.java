package org.openbpo.shared.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Delivers again, on every node and without a restart, the events a listener did not finish: those
 * whose listener threw (the books refused a posting until a rate is quoted, the database failed), and
 * those a killed node left half done, which the registry marks failed once they are stale
 * ({@code spring.modulith.events.staleness.*}). Each is tried again once it has waited
 * {@code openbpo.events.redeliver-after} since it was published or last tried. (The age is checked
 * here: the registry's own minimum age does not hold for failed publications, its query's {@code OR}
 * binding before the date.)
 * <p>
 * Two nodes at it at once deliver an event once: the registry takes each publication by marking it
 * resubmitted only where it is not already. Even a delivery twice posts nothing twice: every listener
 * writes under a key that names the event's subject ({@code payables-invoice-<id>}, {@code
 * billing-invoice:<id>}, {@code payroll-run:<id>}, the scorecard's source keys), inserted with
 * {@code on conflict do nothing}.
 */
@Component
public class EventRedelivery {

    private static final Logger LOG = LoggerFactory.getLogger(EventRedelivery.class);
    /** The oldest failed publications read per tick; more wait for later ticks. */
    private static final int BATCH = 1_000;

    private final IncompleteEventPublications publications;
    private final Duration after;
    private final Clock clock;

    EventRedelivery(IncompleteEventPublications publications, @Value("${openbpo.events.redeliver-after:PT5M}") Duration after,
                    Clock clock) {
        this.publications = publications;
        this.after = after;
        this.clock = clock;
    }

    /** Delivers again the failed publications that have waited long enough since they were published or last tried. */
    @Scheduled(fixedDelayString = "${openbpo.events.redelivery-interval:60000}",
            initialDelayString = "${openbpo.events.redelivery-interval:60000}")
    public void redeliverFailed() {
        Instant due = clock.instant().minus(after);
        try {
            publications.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(after).withBatchSize(BATCH)
                    .withFilter(publication -> lastTried(publication).isBefore(due)));
        } catch (RuntimeException e) {
            LOG.warn("Delivering unfinished events again will retry on the next tick: {}", e.toString());
        }
    }

    private static Instant lastTried(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted == null ? publication.getPublicationDate() : resubmitted;
    }
}
