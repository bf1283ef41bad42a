package org.openbpo.ledger.files;

import java.math.BigDecimal;
import java.util.List;

/**
 * A ledger report laid out for a file: a title, the lines that say whose books and which days,
 * column headings and rows. Amounts stay exact decimals, so the spreadsheet holds numbers a
 * reviewer can add up, not text.
 */
public record ReportDocument(String title, List<String> subtitle, List<Column> columns, List<Row> rows, int indentedColumn) {

    ReportDocument(String title, List<String> subtitle, List<Column> columns, List<Row> rows) {
        this(title, subtitle, columns, rows, 0);
    }

    record Column(String heading, boolean amount) {
        static Column text(String heading) {
            return new Column(heading, false);
        }

        static Column amount(String heading) {
            return new Column(heading, true);
        }
    }

    /** {@code cells}: String or BigDecimal (or null for an empty cell); {@code level} indents the document's indented column. */
    record Row(List<Object> cells, int level, boolean strong) {
    }

    public String fileName(String extension) {
        return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "." + extension;
    }

    static BigDecimal money(long minorUnits, String currency) {
        int digits;
        try {
            digits = Math.max(java.util.Currency.getInstance(currency).getDefaultFractionDigits(), 0);
        } catch (IllegalArgumentException unknown) {
            digits = 2;
        }
        return BigDecimal.valueOf(minorUnits, digits);
    }
}
