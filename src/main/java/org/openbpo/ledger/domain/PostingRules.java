package org.openbpo.ledger.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.Account;
import org.openbpo.ledger.DimensionKind;
import org.openbpo.ledger.EntrySource;
import org.openbpo.ledger.PostEntry;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns a requested entry into a posting, or refuses it naming the field at fault: every line
 * on a known, postable account, either a debit or a credit, and the whole balancing per currency
 * and in functional value. A foreign-currency line with no amount but a functional one only
 * moves functional value, as a revaluation does.
 */
public final class PostingRules {

    private final Chart chart;
    private final Rates rates;
    private final Currency functional;

    public PostingRules(Chart chart, Rates rates, Currency functional) {
        this.chart = chart;
        this.rates = rates;
        this.functional = functional;
    }

    public Posting check(PostEntry entry, String idempotencyKey, @Nullable Long reverses) {
        if (entry.lines().size() < 2) {
            throw BusinessRuleViolation.invalid("lines", "An entry needs at least two lines.");
        }
        List<PostingLine> lines = new ArrayList<>();
        List<Boolean> converted = new ArrayList<>();
        for (int i = 0; i < entry.lines().size(); i++) {
            PostEntry.Line line = entry.lines().get(i);
            lines.add(line(i, line, entry));
            converted.add(line.functionalAmount() == null && !line.currency().equals(functional.getCurrencyCode()));
        }
        requireBalancePerCurrency(lines);
        lines = absorbConversionDifference(lines, converted);
        EntrySource source = entry.source() == null ? EntrySource.MANUAL : entry.source();
        return new Posting(entry.date(), entry.description().strip(), source, idempotencyKey, entry.isAdjusting(), reverses, lines);
    }

    private PostingLine line(int i, PostEntry.Line line, PostEntry entry) {
        String at = "lines[" + i + "].";
        Account account = chart.account(line.account()).orElseThrow(() -> new BusinessRuleViolation(422, "unknown-account",
                at + "account", "There is no account " + line.account() + " in this client's chart."));
        if (account.heading()) {
            throw new BusinessRuleViolation(422, "heading-account", at + "account",
                    "Account " + account.code() + " is a heading; post to an account below it.");
        }
        Currency currency = currency(line.currency(), at + "currency");
        boolean revaluation = !currency.equals(functional) && line.functionalAmount() != null && line.functionalAmount() != 0
                && (line.debit() == null || line.debit() == 0) && (line.credit() == null || line.credit() == 0);
        long amount = revaluation ? 0 : amount(line, at);
        dimension(DimensionKind.COST_CENTRE, line.costCentre(), at + "costCentre");
        dimension(DimensionKind.PROJECT, line.project(), at + "project");
        long functionalAmount;
        if (currency.equals(functional)) {
            if (line.functionalAmount() != null && line.functionalAmount() != amount) {
                throw BusinessRuleViolation.invalid(at + "functionalAmount",
                        "A line in the functional currency has no other functional amount.");
            }
            functionalAmount = amount;
        } else if (line.functionalAmount() != null) {
            functionalAmount = line.functionalAmount();
            if (amount != 0 && Long.signum(functionalAmount) != Long.signum(amount)) {
                throw BusinessRuleViolation.invalid(at + "functionalAmount", "must have the sign of the line's amount");
            }
        } else {
            BigDecimal rate = rates.on(entry.date(), currency, functional).orElseThrow(() -> new BusinessRuleViolation(422,
                    "no-exchange-rate", at + "currency", "There is no " + currency + "/" + functional
                    + " exchange rate on or before " + entry.date() + "; give the rate or the line's functional amount."));
            functionalAmount = Conversion.atRate(amount, currency, functional, rate);
        }
        return new PostingLine(account.code(), currency.getCurrencyCode(), amount, functionalAmount,
                blankToNull(line.costCentre()), blankToNull(line.project()), blankToNull(line.memo()));
    }

    private static long amount(PostEntry.Line line, String at) {
        boolean debit = line.debit() != null && line.debit() != 0;
        boolean credit = line.credit() != null && line.credit() != 0;
        if (debit == credit) {
            throw BusinessRuleViolation.invalid(at + "debit", "A line has either a debit or a credit, not both or neither.");
        }
        long value = debit ? line.debit() : line.credit();
        if (value < 0) {
            throw BusinessRuleViolation.invalid(at + (debit ? "debit" : "credit"), "must be positive (minor units)");
        }
        return debit ? value : -value;
    }

    private void dimension(DimensionKind kind, @Nullable String code, String field) {
        if (code != null && !code.isBlank() && !chart.hasDimension(kind, code)) {
            throw new BusinessRuleViolation(422, "unknown-dimension", field,
                    "There is no " + kind.name().toLowerCase().replace('_', ' ') + " " + code + ".");
        }
    }

    static Currency currency(String code, String field) {
        try {
            Currency currency = Currency.getInstance(code);
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException();
            }
            return currency;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw BusinessRuleViolation.invalid(field, code + " is not an ISO 4217 currency code.");
        }
    }

    private static void requireBalancePerCurrency(List<PostingLine> lines) {
        Map<String, Long> sums = new TreeMap<>();
        lines.forEach(line -> sums.merge(line.currency(), line.amount(), Math::addExact));
        sums.forEach((currency, sum) -> {
            if (sum != 0) {
                throw new BusinessRuleViolation(422, "unbalanced", "lines", "Debits and credits in " + currency
                        + " differ by " + Conversion.decimal(Math.abs(sum), Currency.getInstance(currency))
                        + "; every entry must balance in each currency.");
            }
        });
    }

    /**
     * Lines converted at the day's rate are rounded one by one, so their functional values can miss
     * zero by a minor unit or two. The largest converted line takes the difference, which is the
     * usual way to keep an entry balanced in the functional currency. Amounts the caller gave are
     * never changed: if they do not balance, the entry is refused.
     */
    private List<PostingLine> absorbConversionDifference(List<PostingLine> lines, List<Boolean> converted) {
        long difference = lines.stream().mapToLong(PostingLine::functionalAmount).reduce(0, Math::addExact);
        if (difference == 0) {
            return lines;
        }
        int largest = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (converted.get(i) && (largest < 0
                    || Math.abs(lines.get(i).functionalAmount()) > Math.abs(lines.get(largest).functionalAmount()))) {
                largest = i;
            }
        }
        if (largest < 0) {
            throw new BusinessRuleViolation(422, "unbalanced", "lines", "The functional amounts differ by "
                    + Conversion.decimal(Math.abs(difference), functional) + " " + functional + "; they must balance too.");
        }
        List<PostingLine> adjusted = new ArrayList<>(lines);
        PostingLine line = lines.get(largest);
        adjusted.set(largest, line.withFunctionalAmount(line.functionalAmount() - difference));
        return adjusted;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
