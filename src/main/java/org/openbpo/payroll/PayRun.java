package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;
import org.openbpo.tenancy.CurrentUser;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A pay run as the API, the pages and the client portal show it. Amounts are decimal strings in {@code currency}.
 * {@code returnNote} is why the provider's checker last sent it back to be prepared again.
 */
public record PayRun(long id, String payGroup, Kind kind, LocalDate periodStart, LocalDate periodEnd, LocalDate payDate,
                     LocalDate cutOff, String taxYear, int period, String frequency, String currency, Status status,
                     @Nullable Long workItemId, String preparedBy, @Nullable String checkedBy, @Nullable String approvedBy,
                     int employees, String gross, String net, String employerCosts, int anomalies,
                     @Nullable Long firstPayslipNumber, Instant preparedAt, @Nullable Instant finalisedAt,
                     @Nullable Instant paidAt, @Nullable UUID preparedById, @Nullable UUID checkedById,
                     @Nullable Long reverses, @Nullable Long reversedBy, @Nullable Long corrects, @Nullable String returnNote) {

    /** REVERSAL: the negation of a finalised run that was re-opened (never paid; posted as a reversing journal). */
    public enum Kind { REGULAR, OFF_CYCLE, REVERSAL }

    /** REVERSED: a finalised or paid run that a reversal run has cancelled out. */
    public enum Status { PREPARED, CHECKING, AWAITING_CLIENT, APPROVED, FINALISED, PAID, CANCELLED, REVERSED }

    public boolean locked() {
        return status == Status.FINALISED || status == Status.PAID || status == Status.REVERSED;
    }

    /**
     * The run as {@code viewer} may read it. A client's people see what was decided and when, but the
     * provider's preparer and checker only as the service team, and not the checker's return note: that
     * was written for the preparer. Who approved for the client is their own colleague, so stays named.
     */
    public PayRun seenBy(CurrentUser viewer) {
        if (viewer.providerStaff()) {
            return this;
        }
        return new PayRun(id, payGroup, kind, periodStart, periodEnd, payDate, cutOff, taxYear, period, frequency, currency, status,
                workItemId, CurrentUser.SERVICE_TEAM, checkedBy == null ? null : CurrentUser.SERVICE_TEAM, approvedBy, employees,
                gross, net, employerCosts, anomalies, firstPayslipNumber, preparedAt, finalisedAt, paidAt, null, null, reverses,
                reversedBy, corrects, null);
    }
}
