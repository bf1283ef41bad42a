package org.openbpo.ledger.domain;

import org.jspecify.annotations.Nullable;
import org.openbpo.shared.error.BusinessRuleViolation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the part of the ledger-cli / hledger journal format a client's history comes in: what
 * {@link JournalText} writes, and simple hand-written journals (dates with - / or ., cleared and
 * pending marks, codes, comments and tags, amounts with the commodity before or after, $ € £ ¥ ₹,
 * thousands separators, one posting left without an amount, and {@code P} price directives).
 * Anything else is refused with its line number rather than guessed at.
 *
 * <p>Numbers are read as hledger reads them: the decimal mark is {@code .} unless a
 * {@code decimal-mark ,} directive says otherwise (from its line on), and a space or the other mark only
 * groups digits in threes ({@code 1,234.50} or {@code 1 234.50}, or {@code 1.234,50} or {@code 1 234,50}
 * after {@code decimal-mark ,}), or in the Indian style, a three then twos ({@code 1,23,45,678.50}). A number
 * that fits neither, such as {@code 12,50} with the mark {@code .}, is refused: read the ledger's way
 * it would be 1250, a hundred times what its writer meant.
 */
public final class JournalParser {

    public record Amount(BigDecimal quantity, Currency currency) {
    }

    /** A posting; {@code functional} is its {@code functional:} tag read as an amount, when it has one. */
    public record Posting(int line, String account, @Nullable Amount amount, Map<String, String> tags,
                          @Nullable Amount functional) {
    }

    public record Transaction(int line, LocalDate date, String description, @Nullable String code,
                              Map<String, String> tags, List<Posting> postings) {
    }

    public record Price(int line, LocalDate day, Currency from, BigDecimal rate, Currency to) {
    }

    public record Journal(List<Transaction> transactions, List<Price> prices) {
    }

    private static final Pattern HEADER = Pattern.compile(
            "^(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})(?:=\\S+)?\\s*([*!])?\\s*(?:\\(([^)]*)\\))?\\s*(.*)$");
    private static final Pattern TAG = Pattern.compile("^\\s*([A-Za-z][\\w-]*):\\s*(.*?)\\s*$");
    private static final Pattern AMOUNT = Pattern.compile(
            "^(-)?\\s*([^\\s\\d.,-]+)?\\s*(-)?\\s*([\\d.,]+(?: \\d[\\d.,]*)*)\\s*([^\\s\\d.,-]+)?$");
    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP", "¥", "JPY", "₹", "INR");
    private static final Set<String> IGNORED = Set.of("account", "payee", "tag");

    private final List<Transaction> transactions = new ArrayList<>();
    private final List<Price> prices = new ArrayList<>();
    private @Nullable Transaction open;
    private @Nullable Posting lastPosting;
    private char decimalMark = '.';

    private JournalParser() {
    }

    /** As many lines as an entry posted through the API may have. */
    public static final int MOST_POSTINGS = 1_000;

    public static Journal parse(String text) {
        JournalParser parser = new JournalParser();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i]);
        }
        parser.close();
        return new Journal(List.copyOf(parser.transactions), List.copyOf(parser.prices));
    }

    private void line(int number, String line) {
        if (line.indexOf('\0') >= 0) {
            throw refuse(number, "a NUL character cannot be stored; the file may not be a text journal.");
        }
        if (line.isBlank()) {
            close();
            return;
        }
        char first = line.charAt(0);
        if (first == ';' || first == '#' || first == '*' || first == '%' || first == '|') {
            return;
        }
        if (Character.isWhitespace(first)) {
            indented(number, line.strip());
            return;
        }
        close();
        if (Character.isDigit(first)) {
            header(number, line);
        } else if (line.startsWith("P ")) {
            price(number, line);
        } else if (line.startsWith("decimal-mark")) {
            decimalMark(number, line);
        } else if (line.startsWith("commodity")) {
            commodity(number, line);
        } else if (!IGNORED.contains(line.split("\\s+")[0])) {
            throw refuse(number, "'" + line.split("\\s+")[0] + "' is not something this import reads (directives other "
                    + "than account, commodity, decimal-mark, payee, tag and P are refused).");
        }
    }

    private void header(int number, String line) {
        String withoutComment = stripComment(line);
        Matcher header = HEADER.matcher(withoutComment);
        if (!header.matches()) {
            throw refuse(number, "expected a date, an optional mark and code, and a description.");
        }
        String description = header.group(4).strip();
        open = new Transaction(number, date(number, header.group(1)), description.isEmpty() ? "(no description)" : description,
                header.group(3), new LinkedHashMap<>(), new ArrayList<>());
        lastPosting = null;
        String comment = comment(line);
        if (comment != null) {
            tags(comment, open.tags());
        }
    }

    private void indented(int number, String line) {
        if (open == null) {
            throw refuse(number, "an indented line belongs to a transaction, and none is open here.");
        }
        if (line.startsWith(";") || line.startsWith("#")) {
            tags(line.substring(1), lastPosting == null ? open.tags() : lastPosting.tags());
            return;
        }
        if (line.startsWith("(") || line.startsWith("[")) {
            throw refuse(number, "virtual postings are not part of a client's books.");
        }
        String body = stripComment(line);
        String[] parts = body.split("\\s{2,}|\\t", 2);
        String account = parts[0].strip();
        Amount amount = null;
        if (parts.length > 1 && !parts[1].isBlank()) {
            String text = parts[1].strip();
            if (text.contains("@") || text.contains("=")) {
                throw refuse(number, "costs (@) and balance assertions (=) are not read; convert currencies through a "
                        + "clearing account so each currency balances on its own.");
            }
            amount = amount(number, text, decimalMark);
        }
        lastPosting = new Posting(number, account, amount, new LinkedHashMap<>(), null);
        String comment = comment(line);
        if (comment != null) {
            tags(comment, lastPosting.tags());
        }
        open.postings().add(lastPosting);
    }

    private void price(int number, String line) {
        String[] parts = stripComment(line).strip().split("\\s+");
        if (parts.length < 4) {
            throw refuse(number, "a price directive reads P DATE COMMODITY AMOUNT.");
        }
        Currency from = currency(number, parts[2]);
        Amount rate = amount(number, String.join(" ", java.util.Arrays.copyOfRange(parts, 3, parts.length)), decimalMark);
        prices.add(new Price(number, date(number, parts[1]), from, rate.quantity(), rate.currency()));
    }

    /** hledger's {@code decimal-mark .} or {@code decimal-mark ,}: how the numbers after it are written. */
    private void decimalMark(int number, String line) {
        String mark = stripComment(line).substring("decimal-mark".length()).strip();
        if (!mark.equals(".") && !mark.equals(",")) {
            throw refuse(number, "a decimal-mark directive reads 'decimal-mark .' or 'decimal-mark ,'.");
        }
        decimalMark = mark.charAt(0);
    }

    /**
     * A commodity directive only declares a display format, but hledger also takes its decimal mark
     * from it (the number's last mark); one that disagrees with the mark in force is refused rather
     * than read the other way.
     */
    private void commodity(int number, String line) {
        String format = stripComment(line).substring("commodity".length()).replaceAll("[^\\d.,]", "");
        int last = Math.max(format.lastIndexOf('.'), format.lastIndexOf(','));
        if (last >= 0 && format.charAt(last) != decimalMark) {
            throw refuse(number, "this commodity is written with '" + format.charAt(last) + "' as its decimal mark, and the "
                    + "journal reads '" + decimalMark + "'; put 'decimal-mark " + format.charAt(last) + "' before it.");
        }
    }

    static Amount amount(int number, String text, char decimalMark) {
        Matcher parts = AMOUNT.matcher(text.strip());
        if (!parts.matches() || (parts.group(2) == null) == (parts.group(5) == null)) {
            throw refuse(number, "'" + text + "' is not an amount with one commodity (e.g. 12.50 USD, $12.50, -€3).");
        }
        boolean negative = parts.group(1) != null ^ parts.group(3) != null;
        Currency currency = currency(number, parts.group(2) != null ? parts.group(2) : parts.group(5));
        BigDecimal quantity = new BigDecimal(number(number, parts.group(4), decimalMark));
        return new Amount(negative ? quantity.negate() : quantity, currency);
    }

    /**
     * The digits with '.' as the decimal mark, or a refusal of a number that uses the marks otherwise.
     * As in hledger, digits before the decimal mark may be grouped by a space or by the mark that is
     * not the decimal mark, one kind of group mark per number; here in threes ({@code 1,234,567}), or
     * in the Indian lakh and crore style a three then twos ({@code 12,34,567}), so that the last group
     * before the decimal mark always has three digits and a number written with the other decimal mark
     * ({@code 12,50}) is refused rather than read a hundred times too big.
     */
    private static String number(int line, String written, char decimalMark) {
        char other = decimalMark == '.' ? ',' : '.';
        String mark = Pattern.quote(String.valueOf(decimalMark));
        String group = "[ " + other + "]";
        Matcher number = Pattern.compile("(?:\\d{1,3}(" + group + ")\\d{3}(?:\\1\\d{3})*"
                + "|\\d{1,2}(" + group + ")\\d{2}(?:\\2\\d{2})*\\2\\d{3}|\\d+)(?:"
                + mark + "\\d+)?|" + mark + "\\d+").matcher(written);
        if (!number.matches()) {
            throw refuse(line, "'" + written + "' is not a number with the decimal mark '" + decimalMark + "': a space or '"
                    + other + "' only groups digits before it, in threes or (Indian style) a three then twos, one kind of "
                    + "mark per number (" + (decimalMark == '.' ? "1,234.50, 1 234.50 or 1,23,456.50" : "1.234,50, 1 234,50 or "
                    + "1.23.456,50") + ")"
                    + (decimalMark == '.' ? "; if ',' is the decimal mark, put 'decimal-mark ,' before it." : "."));
        }
        String groupMark = number.group(1) != null ? number.group(1) : number.group(2);
        String digits = groupMark == null ? written : written.replace(groupMark, "");
        return digits.replace(decimalMark, '.');
    }

    private static Currency currency(int number, String commodity) {
        String code = SYMBOLS.getOrDefault(commodity, commodity);
        try {
            if (code.matches("[A-Z]{3}")) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw refuse(number, "commodity '" + commodity + "' is not an ISO 4217 currency.");
    }

    private static LocalDate date(int number, String text) {
        String[] parts = text.split("[-/.]");
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (RuntimeException e) {
            throw refuse(number, "'" + text + "' is not a date.");
        }
    }

    /**
     * Tags are separated by commas; a part that is not a tag continues the tag before it, so neither
     * a memo nor an amount written with a decimal comma ({@code functional: 1.080,25 EUR}) is cut short.
     */
    private static void tags(String comment, Map<String, String> into) {
        String last = null;
        for (String part : comment.split(",")) {
            Matcher tag = TAG.matcher(part);
            if (tag.matches()) {
                last = tag.group(1).toLowerCase();
                into.put(last, tag.group(2));
            } else if (last != null) {
                into.put(last, (into.get(last) + "," + part).strip());
            }
        }
    }

    private static @Nullable String comment(String line) {
        int at = line.indexOf(';');
        return at < 0 ? null : line.substring(at + 1);
    }

    private static String stripComment(String line) {
        int at = line.indexOf(';');
        return at < 0 ? line : line.substring(0, at);
    }

    private void close() {
        if (open != null) {
            if (open.postings().size() < 2) {
                throw refuse(open.line(), "a transaction needs at least two postings.");
            }
            if (open.postings().size() > MOST_POSTINGS) {
                throw refuse(open.line(), "a transaction has at most " + MOST_POSTINGS + " postings, this one has "
                        + open.postings().size() + ".");
            }
            List<Posting> postings = open.postings().stream().map(p -> new Posting(p.line(), p.account(), p.amount(),
                    Map.copyOf(p.tags()), functional(p))).toList();
            transactions.add(new Transaction(open.line(), open.date(), open.description(), open.code(),
                    Map.copyOf(open.tags()), postings));
            open = null;
            lastPosting = null;
        }
    }

    private @Nullable Amount functional(Posting posting) {
        String tagged = posting.tags().get("functional");
        return tagged == null || tagged.isBlank() ? null : amount(posting.line(), tagged, decimalMark);
    }

    static BusinessRuleViolation refuse(int line, String why) {
        return BusinessRuleViolation.invalid("journal", "Line " + line + ": " + why);
    }
}
