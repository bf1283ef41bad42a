package org.openbpo.payroll;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A pay run as the API, the pages and the client portal show it. Amounts are decimal strings in {@code currency}. */
public record PayRun(long id, String payGroup, Kind kind, LocalDate periodStart, LocalDate periodEnd, LocalDate payDate,
                     LocalDate cutOff, String taxYear, int period, String frequency, String currency, Status status,
                     @Nullable Long workItemId, String preparedBy, @Nullable String checkedBy, @Nullable String approvedBy,
                     int employees, String gross, String net, String employerCosts, int anomalies,
                     @Nullable Long firstPayslipNumber, Instant preparedAt, @Nullable Instant finalisedAt,
                     @Nullable Instant paidAt, UUID preparedById, @Nullable UUID checkedById,
                     @Nullable Long reverses, @Nullable Long reversedBy, @Nullable Long corrects) {

    /** REVERSAL: the negation of a finalised run that was re-opened (never paid; posted as a reversing journal). */
    public enum Kind { REGULAR, OFF_CYCLE, REVERSAL }

    /** REVERSED: a finalised or paid run that a reversal run has cancelled out. */
    public enum Status { PREPARED, CHECKING, AWAITING_CLIENT, APPROVED, FINALISED, PAID, CANCELLED, REVERSED }

    public boolean locked() {
        return status == Status.FINALISED || status == Status.PAID || status == Status.REVERSED;
    }
}
