package org.openbpo.payables;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The cash the client needs for its vendors, week by week (weeks start on Monday): what falls due
 * each week (overdue invoices in the first), and what it would be if every open early-payment
 * discount were taken (paid in the week its discount ends). Rejected and paid invoices do not count.
 */
public record CashForecast(LocalDate from, int weeks, List<Week> rows) {

    public record Week(LocalDate weekStarting, String currency, int invoices, BigDecimal due, BigDecimal dueTakingDiscounts) {
    }
}
