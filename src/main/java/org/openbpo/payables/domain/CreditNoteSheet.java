package org.openbpo.payables.domain;

import org.openbpo.payables.CaptureCreditNote;
import org.openbpo.payables.FileProblem;
import org.openbpo.payables.FileRejected;
import org.openbpo.shared.money.Decimals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A CSV sheet of credit notes, one per row: vendor, number, date, currency, amount, and optionally invoice_number and reason. */
public final class CreditNoteSheet {

    public record Parsed(int row, CaptureCreditNote note) {
    }

    private static final List<String> REQUIRED = List.of("vendor", "number", "date", "currency", "amount");
    private static final Set<String> KNOWN = Set.of("vendor", "number", "date", "currency", "amount", "invoice_number", "reason");

    private CreditNoteSheet() {
    }

    public static List<Parsed> csv(byte[] content) {
        List<List<String>> rows = InvoiceSheet.csvRows(new String(content, StandardCharsets.UTF_8));
        if (rows.isEmpty()) {
            throw new FileRejected("empty-file", "The file has no header row.", List.of(new FileProblem("row 1", "no header row")));
        }
        List<String> header = rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT).replace(' ', '_')).toList();
        List<FileProblem> problems = new ArrayList<>();
        REQUIRED.stream().filter(column -> !header.contains(column))
                .forEach(column -> problems.add(new FileProblem("row 1", "the header has no column '" + column + "'")));
        header.stream().filter(column -> !column.isEmpty() && !KNOWN.contains(column))
                .forEach(column -> problems.add(new FileProblem("row 1", "'" + column + "' is not a column this import reads")));
        if (!problems.isEmpty()) {
            throw new FileRejected("invalid-file", "The header row is not right; nothing was imported.", problems);
        }
        if (rows.size() - 1 > InvoiceSheet.MAX_ROWS) {
            throw new FileRejected("file-too-large", "A file holds at most " + InvoiceSheet.MAX_ROWS + " credit notes.",
                    List.of(new FileProblem("row " + (InvoiceSheet.MAX_ROWS + 2), "too many rows")));
        }
        List<Parsed> parsed = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> cells = rows.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue;
            }
            String where = "row " + (r + 1) + ", ";
            int before = problems.size();
            String vendor = cell(cells, header, "vendor");
            String number = cell(cells, header, "number");
            String currency = cell(cells, header, "currency");
            for (String column : REQUIRED) {
                if (cell(cells, header, column).isEmpty()) {
                    problems.add(new FileProblem(where + column, "is required"));
                }
            }
            if (!currency.isEmpty() && !currency.matches("[A-Z]{3}")) {
                problems.add(new FileProblem(where + "currency", "must be an ISO 4217 code such as EUR"));
            }
            LocalDate date = null;
            String dateText = cell(cells, header, "date");
            if (!dateText.isEmpty()) {
                try {
                    date = LocalDate.parse(dateText);
                } catch (DateTimeParseException e) {
                    problems.add(new FileProblem(where + "date", "'" + dateText + "' is not a date like 2026-03-31"));
                }
            }
            BigDecimal amount = null;
            String amountText = cell(cells, header, "amount");
            if (!amountText.isEmpty()) {
                try {
                    amount = Decimals.parse(amountText);
                    if (amount.signum() <= 0) {
                        problems.add(new FileProblem(where + "amount", "a credit note gives back more than zero"));
                    }
                } catch (NumberFormatException e) {
                    problems.add(new FileProblem(where + "amount", "'" + amountText + "' is not a number"));
                }
            }
            if (vendor.length() > 40 || number.length() > 60) {
                problems.add(new FileProblem(where + (vendor.length() > 40 ? "vendor" : "number"), "is too long"));
            }
            if (problems.size() == before) {
                String invoice = cell(cells, header, "invoice_number");
                String reason = cell(cells, header, "reason");
                parsed.add(new Parsed(r + 1, new CaptureCreditNote(vendor, number, date, currency, amount,
                        invoice.isEmpty() ? null : invoice, reason.isEmpty() ? null : reason)));
            }
        }
        if (!problems.isEmpty()) {
            throw new FileRejected("invalid-file", problems.size() + " problem(s) in the file; nothing was imported.", problems);
        }
        if (parsed.isEmpty()) {
            throw new FileRejected("empty-file", "The file has no credit notes.", List.of(new FileProblem("row 2", "no rows")));
        }
        return parsed;
    }

    private static String cell(List<String> cells, List<String> header, String column) {
        int at = header.indexOf(column);
        return at < 0 || at >= cells.size() ? "" : cells.get(at).strip();
    }
}
