package org.openbpo.ledger;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

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

    /**
     * Whether the entry is what this post asks for, so a repeat under its key may answer with it: the
     * same date, description, source, adjustment and lines. A functional value the post leaves to the
     * day's rate is not compared, since a retry after a new quote would convert otherwise.
     */
    public boolean sameAs(Entry entry) {
        if (!date.equals(entry.date()) || !description.strip().equals(entry.description())
                || (source == null ? EntrySource.MANUAL : source) != entry.source() || isAdjusting() != entry.adjusting()
                || lines.size() != entry.lines().size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            Line asked = lines.get(i);
            Entry.Line posted = entry.lines().get(i);
            if (!asked.account().equals(posted.account()) || !asked.currency().equals(posted.currency())
                    || orZero(asked.debit()) != posted.debit() || orZero(asked.credit()) != posted.credit()
                    || (asked.functionalAmount() != null && asked.functionalAmount() != posted.functionalAmount())
                    || !Objects.equals(trimmed(asked.costCentre()), posted.costCentre())
                    || !Objects.equals(trimmed(asked.project()), posted.project())
                    || !Objects.equals(trimmed(asked.memo()), posted.memo())) {
                return false;
            }
        }
        return true;
    }

    private static long orZero(@Nullable Long amount) {
        return amount == null ? 0 : amount;
    }

    private static @Nullable String trimmed(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public PostEntry asAdjusting() {
        return new PostEntry(date, description, source, idempotencyKey, true, lines);
    }
}
