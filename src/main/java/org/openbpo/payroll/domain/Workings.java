package org.openbpo.payroll.domain;

import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;

/**
 * The intermediate values of one pay line, in the order a person checking it by hand would write
 * them down. Values are strings so that what is shown is exactly what was computed.
 */
public record Workings(SequencedMap<String, String> steps) {

    public Workings {
        steps = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(steps));
    }

    private static final Workings NONE = new Workings(new LinkedHashMap<>());

    /** Set while a pay run calculates: it stores each line's rule, never its workings, so they are not written down. */
    private static final ThreadLocal<Boolean> UNRECORDED = ThreadLocal.withInitial(() -> false);

    public static Builder builder() {
        return new Builder(UNRECORDED.get());
    }

    /**
     * Calculates without writing the workings down (each line's workings come back empty): for pay runs,
     * which store the amounts and rules of a million lines and show workings through the preview. The
     * amounts are the same either way; only the strings are not made.
     */
    public static <T> T unrecorded(java.util.function.Supplier<T> calculation) {
        boolean before = UNRECORDED.get();
        UNRECORDED.set(true);
        try {
            return calculation.get();
        } finally {
            UNRECORDED.set(before);
        }
    }

    public static final class Builder {

        private final LinkedHashMap<String, String> steps = new LinkedHashMap<>();
        private final boolean unrecorded;

        private Builder(boolean unrecorded) {
            this.unrecorded = unrecorded;
        }

        public Builder add(String step, String value) {
            if (unrecorded) {
                return this;
            }
            if (steps.putIfAbsent(step, value) != null) {
                throw new IllegalStateException("Working '" + step + "' written twice");
            }
            return this;
        }

        public Builder add(String step, Money value) {
            return unrecorded ? this : add(step, value.toPlainString());
        }

        /** Exact, with at least the currency's decimals so amounts line up (4060.00, 223.225). */
        public Builder add(String step, UnroundedMoney value) {
            return unrecorded ? this : add(step, plain(value));
        }

        public Builder add(String step, BigDecimal value) {
            return unrecorded ? this : add(step, value.toPlainString());
        }

        public Builder add(String step, long value) {
            return unrecorded ? this : add(step, Long.toString(value));
        }

        /**
         * A quotient that may not terminate (an annual figure over pay periods): shown exactly when it
         * has at most six decimals, else its first six followed by an ellipsis. Display only; the
         * calculation carries the full value.
         */
        public Builder approximately(String step, UnroundedMoney value) {
            if (unrecorded) {
                return this;
            }
            return add(step, value.amount().scale() <= 6 ? plain(value) : value.truncatedTo(6).toPlainString() + "…");
        }

        /** A rate kept as a fraction (0.062), shown as the percentage the law states (6.2%). */
        public Builder percent(String step, BigDecimal fraction) {
            return unrecorded ? this : add(step, Rates.asPercent(fraction));
        }

        public Builder addAll(Map<String, String> more) {
            if (unrecorded) {
                return this;
            }
            more.forEach(this::add);
            return this;
        }

        private static String plain(UnroundedMoney value) {
            int minor = value.currency().getDefaultFractionDigits();
            return value.amount().scale() >= minor ? value.toPlainString() : value.amount().setScale(minor).toPlainString();
        }

        public Workings build() {
            return unrecorded ? NONE : new Workings(steps);
        }
    }
}
