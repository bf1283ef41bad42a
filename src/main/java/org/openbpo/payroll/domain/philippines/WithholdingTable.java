package org.openbpo.payroll.domain.philippines;

import org.openbpo.payroll.domain.Rates;
import org.openbpo.shared.money.Money;

import java.math.BigDecimal;
import java.util.List;

/**
 * One BIR withholding tax table (reference 4.1): a row applies from its compensation level up to
 * the next row's; tax = fixed amount + rate on the excess over the row's level.
 */
public record WithholdingTable(String name, List<Row> rows) {

    public record Row(Money from, Money fixed, BigDecimal rate) {
    }

    public WithholdingTable {
        rows = List.copyOf(rows);
        if (rows.isEmpty() || !rows.getFirst().from().isZero()) {
            throw new IllegalArgumentException("Table " + name + " must start at 0");
        }
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).from().isGreaterThan(rows.get(i - 1).from())) {
                throw new IllegalArgumentException("Table " + name + " rows must rise");
            }
        }
    }

    public Row rowFor(Money compensation) {
        Row found = rows.getFirst();
        for (Row row : rows) {
            if (compensation.compareTo(row.from()) >= 0) {
                found = row;
            }
        }
        return found;
    }

    public String describe(Row row) {
        int index = rows.indexOf(row);
        String upTo = index + 1 < rows.size() ? "under " + rows.get(index + 1).from().toPlainString() : "and over";
        return name + " bracket " + (index + 1) + ", " + row.from().toPlainString() + " " + upTo + ": "
                + row.fixed().toPlainString() + " + " + Rates.asPercent(row.rate()) + " over " + row.from().toPlainString();
    }
}
