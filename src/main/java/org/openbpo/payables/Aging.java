package org.openbpo.payables;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the client owes its vendors on a day, by vendor and by how long past due: not yet due
 * (current), 1–30, 31–60, 61–90 and over 90 days. Totals are per currency (vendor null).
 */
public record Aging(LocalDate asOf, List<Row> rows, List<Row> totals) {

    public record Row(@Nullable String vendor, @Nullable String vendorName, String currency, int invoices, BigDecimal current,
                      BigDecimal days1to30, BigDecimal days31to60, BigDecimal days61to90, BigDecimal over90, BigDecimal total) {
    }
}
