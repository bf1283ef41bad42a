package org.openbpo.payroll.domain.unitedstates;

import org.openbpo.payroll.domain.Rates;
import org.openbpo.shared.money.Money;
import org.openbpo.shared.money.UnroundedMoney;

import java.math.BigDecimal;
import java.util.List;

/**
 * One annual percentage-method table of Pub 15-T (reference 1.3): a row applies where the adjusted
 * annual wage is at least A and less than the next row's A; tentative = C + D% of the excess over A.
 */
public record WithholdingSchedule(String name, List<Row> rows) {

    public record Row(Money atLeast, Money tentative, BigDecimal rate) {
    }

    public WithholdingSchedule {
        rows = List.copyOf(rows);
        if (rows.isEmpty() || !rows.getFirst().atLeast().isZero()) {
            throw new IllegalArgumentException("Table " + name + " must start at 0");
        }
        for (int i = 1; i < rows.size(); i++) {
            if (!rows.get(i).atLeast().isGreaterThan(rows.get(i - 1).atLeast())) {
                throw new IllegalArgumentException("Table " + name + " rows must rise");
            }
        }
    }

    public Row rowFor(UnroundedMoney adjustedAnnualWage) {
        Row found = rows.getFirst();
        for (Row row : rows) {
            if (adjustedAnnualWage.compareTo(row.atLeast()) >= 0) {
                found = row;
            }
        }
        return found;
    }

    /** The row's bounds in the table's own words, e.g. "19900.00 to 57900.00: 1240.00 + 12%". */
    public String describe(Row row) {
        int index = rows.indexOf(row);
        String upTo = index + 1 < rows.size() ? "under " + rows.get(index + 1).atLeast().toPlainString() : "and over";
        return name + " row " + row.atLeast().toPlainString() + " " + upTo + ": " + row.tentative().toPlainString()
                + " plus " + Rates.asPercent(row.rate()) + " of the excess over " + row.atLeast().toPlainString();
    }
}
