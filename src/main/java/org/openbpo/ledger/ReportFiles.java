package org.openbpo.ledger;

import org.openbpo.ledger.files.PdfReports;
import org.openbpo.ledger.files.ReportDocument;
import org.openbpo.ledger.files.ReportDocuments;
import org.openbpo.ledger.files.XlsxReports;
import org.openbpo.shared.error.BusinessRuleViolation;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The ledger's reports as files an accountant sends on: PDF to read, XLSX to check, with the
 * client's name, the days covered and when they were prepared. Same figures as {@link Reports}.
 */
@Service
public class ReportFiles {

    /** The general ledger is read in pages of this many lines, and a file holds at most {@link #GENERAL_LEDGER_LINES}. */
    private static final int PAGE = 500;
    public static final int GENERAL_LEDGER_LINES = 100_000;

    private final Reports reports;
    private final Books books;
    private final Clients clients;
    private final Clock clock;

    ReportFiles(Reports reports, Books books, Clients clients, Clock clock) {
        this.reports = reports;
        this.books = books;
        this.clients = clients;
        this.clock = clock;
    }

    public ReportFile trialBalance(UUID clientId, LocalDate asOf, ReportFile.Format format) {
        Client client = clients.get(clientId);
        return file(ReportDocuments.trialBalance(client, reports.trialBalance(clientId, asOf)), format);
    }

    public ReportFile incomeStatement(UUID clientId, LocalDate from, LocalDate to, ReportFile.Format format) {
        Client client = clients.get(clientId);
        return file(ReportDocuments.incomeStatement(client, reports.incomeStatement(clientId, from, to)), format);
    }

    public ReportFile balanceSheet(UUID clientId, LocalDate asOf, ReportFile.Format format) {
        Client client = clients.get(clientId);
        return file(ReportDocuments.balanceSheet(client, reports.balanceSheet(clientId, asOf)), format);
    }

    public ReportFile generalLedger(UUID clientId, String account, LocalDate from, LocalDate to, ReportFile.Format format) {
        Client client = clients.get(clientId);
        GeneralLedger first = reports.generalLedger(clientId, account, from, to, null, 0, 0, PAGE);
        List<GeneralLedger.Line> lines = new ArrayList<>(first.lines());
        GeneralLedger page = first;
        while (page.nextCursor() != null) {
            if (lines.size() >= GENERAL_LEDGER_LINES) {
                throw BusinessRuleViolation.invalid("to", "the file would hold more than " + GENERAL_LEDGER_LINES
                        + " lines; choose fewer days");
            }
            GeneralLedger.Line last = page.lines().getLast();
            page = reports.generalLedger(clientId, account, from, to, last.date(), last.entryId(), last.lineNo(), PAGE);
            lines.addAll(page.lines());
        }
        String functional = books.book(clientId).functionalCurrency().getCurrencyCode();
        return file(ReportDocuments.generalLedger(client, first, lines, page.closing(), functional), format);
    }

    private ReportFile file(ReportDocument document, ReportFile.Format format) {
        String prepared = "Prepared by OpenBPO on " + clock.instant().truncatedTo(ChronoUnit.MINUTES) + " (UTC)";
        byte[] bytes = format == ReportFile.Format.PDF ? PdfReports.render(document, prepared) : XlsxReports.render(document, prepared);
        return new ReportFile(document.fileName(format.extension()), format.mediaType(), bytes);
    }
}
