package org.openbpo.ledger.files;

import org.jspecify.annotations.Nullable;
import org.openbpo.ledger.BalanceSheet;
import org.openbpo.ledger.GeneralLedger;
import org.openbpo.ledger.IncomeStatement;
import org.openbpo.ledger.Statement;
import org.openbpo.ledger.TrialBalance;
import org.openbpo.ledger.files.ReportDocument.Column;
import org.openbpo.ledger.files.ReportDocument.Row;
import org.openbpo.tenancy.Client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Lays the ledger's reports out as documents, with the client's name and the days they cover. */
public final class ReportDocuments {

    private ReportDocuments() {
    }

    public static ReportDocument trialBalance(Client client, TrialBalance report) {
        List<Row> rows = new ArrayList<>();
        for (TrialBalance.Row row : report.rows()) {
            rows.add(row(0, false, row.account(), row.name(), row.currency(),
                    nonZero(row.debit(), row.currency()), nonZero(row.credit(), row.currency()),
                    ReportDocument.money(row.functionalBalance(), report.functionalCurrency())));
        }
        for (TrialBalance.Total total : report.totals()) {
            rows.add(row(0, true, "Total", "", total.currency(), ReportDocument.money(total.debits(), total.currency()),
                    ReportDocument.money(total.credits(), total.currency()), null));
        }
        rows.add(row(0, true, "Total", "in " + report.functionalCurrency(), report.functionalCurrency(),
                ReportDocument.money(report.functionalDebits(), report.functionalCurrency()),
                ReportDocument.money(report.functionalCredits(), report.functionalCurrency()), null));
        return new ReportDocument("Trial balance", header(client, "As of " + report.asOf()),
                List.of(Column.text("Account"), Column.text("Name"), Column.text("Currency"), Column.amount("Debit"),
                        Column.amount("Credit"), Column.amount("Balance (" + report.functionalCurrency() + ")")),
                rows);
    }

    public static ReportDocument incomeStatement(Client client, IncomeStatement report) {
        List<Row> rows = new ArrayList<>();
        section(rows, report.income(), report.currency());
        section(rows, report.expenses(), report.currency());
        rows.add(row(0, true, "", "Net income", ReportDocument.money(report.netIncome(), report.currency())));
        return new ReportDocument("Income statement", header(client, report.from() + " to " + report.to() + ", in " + report.currency()),
                List.of(Column.text("Account"), Column.text("Name"), Column.amount("Amount (" + report.currency() + ")")), rows, 1);
    }

    public static ReportDocument balanceSheet(Client client, BalanceSheet report) {
        List<Row> rows = new ArrayList<>();
        section(rows, report.assets(), report.currency());
        section(rows, report.liabilities(), report.currency());
        section(rows, report.equity(), report.currency());
        rows.add(row(1, false, "", "Current earnings (not yet closed)", ReportDocument.money(report.currentEarnings(), report.currency())));
        rows.add(row(0, true, "", "Liabilities and equity", ReportDocument.money(report.liabilitiesAndEquity(), report.currency())));
        return new ReportDocument("Balance sheet", header(client, "As of " + report.asOf() + ", in " + report.currency()),
                List.of(Column.text("Account"), Column.text("Name"), Column.amount("Amount (" + report.currency() + ")")), rows, 1);
    }

    /** {@code lines}: every line of the account in the range, across the API's pages. */
    public static ReportDocument generalLedger(Client client, GeneralLedger first, List<GeneralLedger.Line> lines,
                                        List<GeneralLedger.Balance> closing, String functionalCurrency) {
        List<Row> rows = new ArrayList<>();
        for (GeneralLedger.Balance opening : first.opening()) {
            rows.add(row(0, true, first.from().toString(), "", "Opening balance", opening.currency(), null, null,
                    ReportDocument.money(opening.amount(), opening.currency())));
        }
        for (GeneralLedger.Line line : lines) {
            rows.add(row(0, false, line.date().toString(), Long.toString(line.entryId()), line.description(), line.currency(),
                    nonZero(line.debit(), line.currency()), nonZero(line.credit(), line.currency()),
                    ReportDocument.money(line.balance(), line.currency())));
        }
        for (GeneralLedger.Balance balance : closing) {
            rows.add(row(0, true, first.to().toString(), "", "Closing balance", balance.currency(), null, null,
                    ReportDocument.money(balance.amount(), balance.currency())));
        }
        return new ReportDocument("General ledger " + first.account().code(),
                header(client, first.account().code() + " " + first.account().name() + ", " + first.from() + " to " + first.to()
                        + " (functional currency " + functionalCurrency + ")"),
                List.of(Column.text("Date"), Column.text("Entry"), Column.text("Description"), Column.text("Currency"),
                        Column.amount("Debit"), Column.amount("Credit"), Column.amount("Balance")),
                rows);
    }

    private static void section(List<Row> rows, Statement statement, String currency) {
        rows.add(row(0, true, "", statement.title(), null));
        for (Statement.Line line : statement.lines()) {
            rows.add(row(line.level() + 1, line.heading(), line.account(), line.name(), ReportDocument.money(line.amount(), currency)));
        }
        rows.add(row(0, true, "", "Total " + statement.title().toLowerCase(java.util.Locale.ROOT),
                ReportDocument.money(statement.total(), currency)));
    }

    /** A debit or credit column shows nothing rather than a zero. */
    private static @Nullable BigDecimal nonZero(long minorUnits, String currency) {
        return minorUnits == 0 ? null : ReportDocument.money(minorUnits, currency);
    }

    private static List<String> header(Client client, String days) {
        return List.of(client.name() + " (" + client.legalEntity() + ")", days);
    }

    private static Row row(int level, boolean strong, Object... cells) {
        return new Row(Arrays.asList(cells), level, strong);
    }
}
