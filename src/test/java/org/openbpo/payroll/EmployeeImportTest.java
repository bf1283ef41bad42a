package org.openbpo.payroll;

import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Employee files: every row checked, all or nothing applied, each problem with its row and field. */
class EmployeeImportTest extends IntegrationTest {

    static final String HEADER = "employeeNumber,givenName,familyName,country,taxResidence,payGroup,startDate,payBasis,"
            + "annualSalary,bankScheme,bankRouting,bankAccount,taxCode,niCategory";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    ApplicationContext context;

    PayrollSetup.Setup setup;
    String path;

    @BeforeEach
    void client() {
        setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        path = "/api/v1/clients/" + setup.client().id() + "/payroll/employees";
    }

    @Test
    void oneBadRowAmongTenThousandStopsTheWholeFileAndIsNamed() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 10_000; i++) {
            String code = i == 7_321 ? "1257Q" : "1257L";
            csv.append(ukRow("U" + i, "\"Smith, Jr\"", code)).append('\n');
        }
        Api.Response refused = api().as(setup.preparerToken()).post(path + "/imports", "text/csv", bytes(csv));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.body().path("rows").asInt()).isEqualTo(10_000);
        assertThat(refused.body().path("errors").size()).isEqualTo(1);
        var error = refused.body().path("errors").get(0);
        assertThat(error.path("row").asInt()).as("the header is row 1").isEqualTo(7_322);
        assertThat(error.path("field").asString()).isEqualTo("taxCode");
        assertThat(error.path("reason").asString()).contains("1257Q");
        assertThat(api().as(setup.preparerToken()).get(path).body().path("items").size()).as("nothing applied").isZero();
    }

    @Test
    void aValidFileAddsAndAnotherUpdatesInCsvAndXlsx() throws IOException {
        String csv = HEADER + "\n" + ukRow("A1", "Jones", "1257L") + "\n" + ukRow("A2", "Evans", "C1257L M1") + "\n";
        Api.Response applied = api().as(setup.preparerToken()).post(path + "/imports", "text/csv", bytes(csv));
        assertThat(applied.status()).as(applied.body().toString()).isEqualTo(200);
        assertThat(applied.body().path("created").asInt()).isEqualTo(2);

        byte[] workbook = workbook(List.of(List.of("employeeNumber", "annualSalary", "taxCode"),
                List.of("A1", "51000.5", "K475"), List.of("A2", "", "BR")));
        Api.Response updated = api().as(setup.preparerToken()).post(path + "/imports", XLSX, workbook);
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.body().path("updated").asInt()).isEqualTo(2);
        var items = api().as(setup.preparerToken()).get(path).body().path("items");
        assertThat(items.get(0).path("annualSalary").asString()).isEqualTo("51000.50");
        assertThat(items.get(0).path("taxData").path("taxCode").asString()).isEqualTo("K475");
        assertThat(items.get(1).path("annualSalary").asString()).as("blank keeps the value").isEqualTo("42000.00");
        assertThat(items.get(1).path("taxData").path("taxCode").asString()).isEqualTo("BR");
    }

    @Test
    void fileLevelProblemsAreRowOneOrZero() throws IOException {
        Api.Response unknownColumn = api().as(setup.preparerToken()).post(path + "/imports", "text/csv",
                bytes("employeeNumber,salary\nA9,100\n"));
        assertThat(unknownColumn.status()).isEqualTo(422);
        assertThat(unknownColumn.body().path("errors").get(0).path("row").asInt()).isEqualTo(1);
        assertThat(unknownColumn.body().path("errors").get(0).path("field").asString()).isEqualTo("salary");

        Api.Response duplicate = api().as(setup.preparerToken()).post(path + "/imports", "text/csv",
                bytes(HEADER + "\n" + ukRow("D1", "A", "1257L") + "\n" + ukRow("D1", "B", "1257L") + "\n"));
        assertThat(duplicate.body().path("errors").get(0).path("row").asInt()).isEqualTo(3);
        assertThat(duplicate.body().path("errors").get(0).path("field").asString()).isEqualTo("employeeNumber");

        Api.Response notAWorkbook = api().as(setup.preparerToken()).post(path + "/imports", XLSX, bytes("not a workbook"));
        assertThat(notAWorkbook.status()).isEqualTo(422);
        assertThat(notAWorkbook.body().path("errors").get(0).path("field").asString()).isEqualTo("file");
    }

    @Test
    void anotherClientsImportIsNotFound() {
        PayrollSetup.Setup other = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        Api.Response refused = api().as(setup.preparerToken()).post("/api/v1/clients/" + other.client().id()
                + "/payroll/employees/imports", "text/csv", bytes(HEADER + "\n" + ukRow("Z1", "Z", "1257L") + "\n"));
        assertThat(refused.status()).isEqualTo(404);
    }

    private static String ukRow(String number, String family, String taxCode) {
        return number + ",Sam," + family + ",GB,ENG,UK-M,2025-01-06,SALARY,42000.00,GB_SORT_CODE,404784,70872490," + taxCode
                .replace("C", "").replace(" M1", "M1") + ",A";
    }

    private static byte[] bytes(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] workbook(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("Employees");
            for (int r = 0; r < rows.size(); r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    String value = rows.get(r).get(c);
                    if (value.matches("\\d+(\\.\\d+)?") && c == 1) {
                        row.createCell(c).setCellValue(new java.math.BigDecimal(value).doubleValue());
                    } else if (!value.isEmpty()) {
                        row.createCell(c).setCellValue(value);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
