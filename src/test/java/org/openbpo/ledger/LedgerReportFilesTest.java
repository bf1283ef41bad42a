package org.openbpo.ledger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.credit;
import static org.openbpo.ledger.LedgerPostingTest.debit;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/** The ledger's reports as the files an accountant sends on: a PDF to read and a spreadsheet to check. */
class LedgerReportFilesTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    Api agent;
    String base;
    UUID client;

    @BeforeEach
    void twoMonthsOfBooks() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD");
        agent = api().as(setup.agentToken());
        client = setup.client().id();
        base = "/api/v1/clients/" + client + "/ledger";
        post(entry("2026-01-02", "capital", List.of(debit("1010", 50_000_00), credit("3010", 50_000_00))));
        post(entry("2026-01-15", "jan-fees", List.of(debit("1100", 12_000_00), credit("4100", 12_000_00))));
        post(entry("2026-01-31", "jan-pay", List.of(debit("6010", 7_000_00), credit("1010", 5_600_00), credit("2210", 1_400_00))));
        post(entry("2026-02-10", "jan-cash", List.of(debit("1010", 12_000_00), credit("1100", 12_000_00))));
    }

    private void post(Map<String, Object> entry) {
        Api.Response response = agent.post(base + "/entries", entry);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
    }

    @Test
    void theTrialBalanceSpreadsheetHoldsTheSameNumbersAsTheReport() throws IOException {
        Api.Download file = agent.download(base + "/reports/trial-balance?asOf=2026-02-28&format=xlsx");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(file.headers().get("content-disposition")).contains("trial-balance.xlsx");
        Map<String, BigDecimal> debits = new HashMap<>();
        Map<String, BigDecimal> credits = new HashMap<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Trial balance");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("Books Co");
            for (Row row : sheet) {
                if (row.getRowNum() > 5 && row.getCell(0) != null) {
                    String account = row.getCell(0).getStringCellValue();
                    debits.put(account, amount(row, 3));
                    credits.put(account, amount(row, 4));
                }
            }
        }
        assertThat(debits).containsEntry("1010", new BigDecimal("56400.00")).containsEntry("6010", new BigDecimal("7000.00"));
        assertThat(credits).containsEntry("3010", new BigDecimal("50000.00")).containsEntry("4100", new BigDecimal("12000.00"));
        assertThat(debits).as("an account that came back to zero is left out, as in the report").doesNotContainKey("1100");
        assertThat(debits.get("Total")).isEqualTo(credits.get("Total")).isEqualTo(new BigDecimal("63400.00"));
    }

    @Test
    void theStatementsReadAsPdf() throws IOException {
        Api.Download income = agent.download(base + "/reports/income-statement?from=2026-01-01&to=2026-03-31&format=pdf");
        assertThat(income.status()).isEqualTo(200);
        assertThat(income.headers().get("content-type")).isEqualTo("application/pdf");
        String text = pdfText(income.body());
        assertThat(text).contains("Income statement").contains("Books Co").contains("2026-01-01 to 2026-03-31")
                .contains("Net income").contains("5,000.00").contains("12,000.00");

        byte[] balanceSheet = agent.download(base + "/reports/balance-sheet?asOf=2026-02-28&format=PDF").body();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "ledger-balance-sheet.pdf"), balanceSheet); // to look at
        String sheet = pdfText(balanceSheet);
        assertThat(sheet).contains("Balance sheet").contains("Liabilities and equity").contains("56,400.00");

        String ledger = pdfText(agent.download(base + "/reports/general-ledger/1010?from=2026-01-15&to=2026-02-28&format=pdf").body());
        assertThat(ledger).contains("General ledger 1010").contains("Opening balance").contains("Closing balance")
                .contains("50,000.00").contains("44,400.00").contains("56,400.00");
    }

    @Test
    void anUnknownFormatIsRefusedByName() {
        Api.Response response = agent.get(base + "/reports/trial-balance?format=docx");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body().toString()).contains("format").contains("pdf or xlsx");
    }

    @Test
    void anotherClientsBooksAreNotFound() {
        Bookkeeping.Setup other = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD");
        Api.Download file = api().as(other.agentToken()).download(base + "/reports/trial-balance?format=pdf");
        assertThat(file.status()).isEqualTo(404);
    }

    private static BigDecimal amount(Row row, int column) {
        return row.getCell(column) == null ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(row.getCell(column).getNumericCellValue()).setScale(2);
    }

    private static String pdfText(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }
}
