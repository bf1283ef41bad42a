package org.openbpo.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * Posts a journal entry. Each line names its account and either a debit or a credit in minor
 * units of its currency; foreign-currency lines may give their functional amount, otherwise the
 * day's exchange rate decides it. The idempotency key makes a repeated post return the first entry.
 */
public record PostEntry(@NotNull LocalDate date, @NotBlank @Size(max = 500) String description,
                        @Nullable EntrySource source, @Nullable @Size(max = 255) String idempotencyKey,
                        @Nullable Boolean adjusting, @NotEmpty @Size(max = 1000) List<@Valid @NotNull Line> lines) {

    public record Line(@NotBlank String account, @Nullable Long debit, @Nullable Long credit,
                       @NotBlank String currency, @Nullable Long functionalAmount,
                       @Nullable String costCentre, @Nullable String project, @Nullable @Size(max = 500) String memo) {

        public static Line debit(String account, long minorUnits, String currency) {
            return new Line(account, minorUnits, null, currency, null, null, null, null);
        }

        public static Line credit(String account, long minorUnits, String currency) {
            return new Line(account, null, minorUnits, currency, null, null, null, null);
        }

        public Line withDimensions(@Nullable String costCentre, @Nullable String project) {
            return new Line(account, debit, credit, currency, functionalAmount, costCentre, project, memo);
        }

        public Line withFunctionalAmount(long functional) {
            return new Line(account, debit, credit, currency, functional, costCentre, project, memo);
        }
    }

    public PostEntry {
        lines = lines == null ? List.of() : List.copyOf(lines);
        adjusting = Boolean.TRUE.equals(adjusting);
    }

    /** Whether an accountant posts it to adjust a soft-closed month. */
    public boolean isAdjusting() {
        return Boolean.TRUE.equals(adjusting);
    }

    public static PostEntry of(LocalDate date, String description, String idempotencyKey, Line... lines) {
        return new PostEntry(date, description, EntrySource.MANUAL, idempotencyKey, false, List.of(lines));
    }

    public PostEntry withKey(String key) {
        return new PostEntry(date, description, source, key, adjusting, lines);
    }

    public PostEntry from(EntrySource from) {
        return new PostEntry(date, description, from, idempotencyKey, adjusting, lines);
    }

    public PostEntry asAdjusting() {
        return new PostEntry(date, description, source, idempotencyKey, true, lines);
    }
}
