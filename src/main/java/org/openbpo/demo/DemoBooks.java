package org.openbpo.demo;

import org.openbpo.ledger.Books;
import org.openbpo.ledger.EntrySource;
import org.openbpo.ledger.Journal;
import org.openbpo.ledger.PostEntry;
import org.openbpo.ledger.PostEntry.Line;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * The books the provider keeps for two demo clients from the start of the year to last month:
 * Lakeshore Retail on a US GAAP chart in dollars, Albion Mutual on an IFRS chart in pounds. Each
 * month has its sales, cost of sales or claims handling, payroll with its withholdings, rent and
 * cash received, with amounts that move from month to month as a real business's do.
 */
@Component
class DemoBooks {

    private final Books books;
    private final Journal journal;
    private final Clock clock;

    DemoBooks(Books books, Journal journal, Clock clock) {
        this.books = books;
        this.journal = journal;
        this.clock = clock;
    }

    void load(DemoData.DemoClients demo) {
        YearMonth current = YearMonth.from(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        YearMonth first = YearMonth.of(current.getYear(), 1);
        retailer(demo.lakeshore().id(), first, current);
        insurer(demo.albion().id(), first, current);
    }

    private void retailer(UUID client, YearMonth first, YearMonth current) {
        books.open(client, "US_GAAP", null);
        post(client, first.atDay(2), "Owners' capital paid in", "capital",
                Line.debit("1010", 400_000_00, "USD"), Line.credit("3010", 400_000_00, "USD"));
        for (YearMonth month = first; month.isBefore(current); month = month.plusMonths(1)) {
            int m = month.getMonthValue();
            long sales = 180_000_00L + 7_500_00L * ((m * 7) % 5) + (m >= 10 ? 60_000_00L : 0);
            long cost = sales * 58 / 100;
            long gross = 52_000_00L + 1_000_00L * (m % 3);
            long withheld = gross * 22 / 100;
            String key = month.toString();
            post(client, month.atDay(15), "Sales, " + month, "sales-" + key,
                    Line.debit("1100", sales, "USD"), Line.credit("4010", sales, "USD"));
            post(client, month.atDay(15), "Cost of goods sold, " + month, "cogs-" + key,
                    Line.debit("5010", cost, "USD"), Line.credit("1010", cost, "USD"));
            post(client, month.atDay(1), "Store rent, " + month, "rent-" + key,
                    Line.debit("6100", 18_500_00, "USD"), Line.credit("1010", 18_500_00, "USD"));
            post(client, month.atEndOfMonth(), "Payroll, " + month, "payroll-" + key,
                    Line.debit("6010", gross, "USD"), Line.credit("1010", gross - withheld, "USD"), Line.credit("2210", withheld, "USD"));
            post(client, month.atEndOfMonth(), "Cash received from customers, " + month, "receipts-" + key,
                    Line.debit("1010", sales * 9 / 10, "USD"), Line.credit("1100", sales * 9 / 10, "USD"));
            post(client, month.atEndOfMonth(), "Payroll taxes remitted, " + month, "taxes-" + key,
                    Line.debit("2210", withheld, "USD"), Line.credit("1010", withheld, "USD"));
        }
    }

    private void insurer(UUID client, YearMonth first, YearMonth current) {
        books.open(client, "IFRS", null);
        post(client, first.atDay(2), "Share capital issued", "capital",
                Line.debit("2400", 250_000_00, "GBP"), Line.credit("3100", 250_000_00, "GBP"));
        for (YearMonth month = first; month.isBefore(current); month = month.plusMonths(1)) {
            int m = month.getMonthValue();
            long fees = 96_000_00L + 4_000_00L * ((m * 5) % 4);
            long staff = 41_000_00L + 500_00L * (m % 4);
            long social = staff * 138 / 1000;
            String key = month.toString();
            post(client, month.atEndOfMonth(), "Policy administration fees, " + month, "fees-" + key,
                    Line.debit("2200", fees, "GBP"), Line.credit("6100", fees, "GBP"));
            post(client, month.atEndOfMonth(), "Staff costs, " + month, "staff-" + key,
                    Line.debit("7200", staff, "GBP"), Line.debit("7210", social, "GBP"), Line.credit("2400", staff, "GBP"), Line.credit("5300", social, "GBP"));
            post(client, month.atDay(1), "Office and systems, " + month, "office-" + key,
                    Line.debit("7400", 9_250_00, "GBP"), Line.credit("2400", 9_250_00, "GBP"));
            post(client, month.atEndOfMonth(), "Fees received, " + month, "received-" + key,
                    Line.debit("2400", fees * 95 / 100, "GBP"), Line.credit("2200", fees * 95 / 100, "GBP"));
        }
    }

    private void post(UUID client, LocalDate date, String description, String key, Line... lines) {
        journal.post(client, new PostEntry(date, description, EntrySource.MANUAL, "demo-" + key, false, List.of(lines)));
    }

}
