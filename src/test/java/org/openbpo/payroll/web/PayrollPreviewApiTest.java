package org.openbpo.payroll.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Client;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.RegisterClient;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.User;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview endpoint as a client's HR team calls it: one employee, one period, nothing saved. */
class PayrollPreviewApiTest extends IntegrationTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    Clients clients;
    @Autowired
    Users users;

    Api api;
    String token;

    /** A client's requester: the least a signed-in user can be, and enough for the calculator. */
    @BeforeEach
    void clientUser() {
        CurrentUser admin = providerAdministrator();
        token = TenantScope.call(AllowedClients.ALL, () -> {
            Client client = clients.register(new RegisterClient(unique("PAY"), "Payroll Client", "Payroll Client Ltd", "GB",
                    "Europe/London", "GBP", null));
            User hr = users.invite(new InviteUser(client.id(), unique("hr") + "@client.test", "HR Officer",
                    "long enough password", Set.of(Role.REQUESTER), false, null), admin);
            return tokens.issue(CurrentUser.of(hr), "payroll preview", null, Duration.ofDays(1)).secret();
        });
        api = api().as(token);
    }

    @Test
    void unitedStates() {
        Map<String, Object> body = request("US", "2026", "BIWEEKLY", 5, "2000.00");
        body.put("toDate", Map.of("gross", "8000.00"));
        body.put("employee", Map.of("filingStatus", "SINGLE", "step2", false, "step3", "0", "step4a", "0", "step4b", "0", "step4c", "0"));
        Api.Response response = api.post("/api/v1/payroll/preview", body);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("currency")).isEqualTo("USD");
        assertThat(codes(response, "employee")).containsExactly("FIT", "SS", "MEDICARE", "ADDL_MEDICARE");
        assertThat(codes(response, "employer")).containsExactly("SS_ER", "MEDICARE_ER", "FUTA");
        assertThat(amount(response, "employee", "FIT")).isEqualTo("156.15");
        assertThat(response.text("net")).isEqualTo("1690.85");
        assertThat(response.body().path("employee").get(0).path("workings").path("1i adjusted annual wage (1e − 1h, not below 0)")
                .asString()).isEqualTo("43400.00");
    }

    @Test
    void unitedKingdom() {
        Map<String, Object> body = request("GB", "2025-26", "MONTHLY", 6, "3000.00");
        body.put("toDate", Map.of("gross", "15000.00", "tax", "1951.60"));
        body.put("employee", Map.of("taxCode", "1257L", "niCategory", "A"));
        Api.Response response = api.post("/api/v1/payroll/preview", body);
        assertThat(response.status()).isEqualTo(200);
        assertThat(codes(response, "employee")).containsExactly("PAYE", "NI_EE");
        assertThat(codes(response, "employer")).containsExactly("NI_ER");
        assertThat(amount(response, "employee", "PAYE")).isEqualTo("390.40");
        assertThat(amount(response, "employee", "NI_EE")).isEqualTo("156.16");
        assertThat(amount(response, "employer", "NI_ER")).isEqualTo("387.45");
        assertThat(response.text("net")).isEqualTo("2453.44");
    }

    @Test
    void india() {
        Map<String, Object> body = request("IN", "2025-26", "MONTHLY", 7, "150000.00");
        body.put("toDate", Map.of("gross", "900000.00", "tax", "75402"));
        body.put("employee", Map.of("annualGross", "1800000", "epfWages", "60000"));
        Api.Response response = api.post("/api/v1/payroll/preview", body);
        assertThat(response.status()).isEqualTo(200);
        assertThat(codes(response, "employee")).containsExactly("TDS", "EPF_EE");
        assertThat(codes(response, "employer")).containsExactly("EPF_ER", "EPS_ER", "EDLI_ER");
        assertThat(amount(response, "employee", "TDS")).isEqualTo("12566.00");
        assertThat(amount(response, "employee", "EPF_EE")).isEqualTo("1800.00");
        assertThat(amount(response, "employer", "EPS_ER")).isEqualTo("1250.00");
        assertThat(response.text("net")).isEqualTo("135634.00");
    }

    @Test
    void philippines() {
        Map<String, Object> body = request("PH", "2025", "MONTHLY", 1, "25000.00");
        body.put("employee", Map.of("basicMonthly", "25000.00"));
        Api.Response response = api.post("/api/v1/payroll/preview", body);
        assertThat(response.status()).isEqualTo(200);
        assertThat(codes(response, "employee")).containsExactly("WTAX", "SSS_EE", "PHILHEALTH_EE", "PAGIBIG_EE");
        assertThat(codes(response, "employer")).containsExactly("SSS_ER", "SSS_EC", "PHILHEALTH_ER", "PAGIBIG_ER");
        assertThat(amount(response, "employee", "WTAX")).isEqualTo("313.80");
        assertThat(response.text("net")).isEqualTo("22611.20");

        Map<String, Object> exempt = request("PH", "2025", "DAILY", 40, "695.00");
        exempt.put("employee", Map.of("basicMonthly", "18070.00", "minimumWageEarner", true));
        assertThat(amount(api.post("/api/v1/payroll/preview", exempt), "employee", "WTAX")).isEqualTo("0.00");

        // December with the 13th month past the ceiling, and the year-end adjustment (PayrollPhilippinesTest's figures).
        Map<String, Object> december = request("PH", "2025", "MONTHLY", 12, "100000.00");
        december.put("employee", Map.of("basicMonthly", "50000.00", "benefits", "50000.00", "benefitsToDate", "60000.00"));
        assertThat(amount(api.post("/api/v1/payroll/preview", december), "employee", "WTAX")).isEqualTo("8575.05");
        december.put("employee", Map.of("basicMonthly", "50000.00", "benefits", "50000.00", "yearEnd", true,
                "taxableToDate", "514800.00"));
        december.put("toDate", Map.of("tax", "50252.40"));
        assertThat(amount(api.post("/api/v1/payroll/preview", december), "employee", "WTAX")).isEqualTo("4567.60");
    }

    @Test
    void amountsMayBeJsonNumbersAndYearToDateWagesMayComeWithTheEmployee() {
        Api.Response response = api.post("/api/v1/payroll/preview", """
                {"country":"US","taxYear":"2026","frequency":"SEMIMONTHLY","period":18,"gross":10000.00,
                 "employee":{"filingStatus":"SINGLE","ytdWages":180000}}""");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.text("gross")).isEqualTo("10000.00");
        assertThat(amount(response, "employee", "SS")).isEqualTo("279.00");
        assertThat(amount(response, "employee", "FIT")).isEqualTo("2004.33");
    }

    @Test
    void theSameRequestGivesTheSameBytes() throws IOException, InterruptedException {
        String body = """
                {"country":"GB","taxYear":"2026-27","frequency":"WEEKLY","period":12,"gross":"812.34",
                 "toDate":{"gross":"9000.00","tax":"880.00"},"employee":{"taxCode":"S1257L","niCategory":"M"}}""";
        String first = raw(body);
        assertThat(raw(body)).isEqualTo(first);
        assertThat(first).contains("\"code\":\"PAYE\"");
    }

    @Test
    void badInputNamesTheField() {
        assertRefused(with(request("GB", "2025-26", "MONTHLY", 1, "3000"), Map.of("taxCode", "ZZ123", "niCategory", "A")),
                "employee.taxCode");
        assertRefused(with(request("GB", "2025-26", "MONTHLY", 1, "3000"), Map.of("taxCode", "1257L", "niCategory", "Q")),
                "employee.niCategory");
        assertRefused(with(request("GB", "2025-26", "MONTHLY", 1, "3000"), Map.of("taxCode", "D2", "niCategory", "A")),
                "employee.taxCode");
        assertRefused(with(request("US", "2026", "MONTHLY", 1, "3000"), Map.of("filingStatus", "SINGLE", "step3", "-2200")),
                "employee.step3");
        assertRefused(with(request("US", "2026", "MONTHLY", 1, "3000"), Map.of("filingStatus", "SINGLE", "step4c", "-1")),
                "employee.step4c");
        assertRefused(with(request("US", "2026", "MONTHLY", 1, "3000"), Map.of("filingStatus", "MARRIED")),
                "employee.filingStatus");
        assertRefused(with(request("US", "2026", "MONTHLY", 1, "3000"), Map.of("step2", true)), "employee.filingStatus");
        assertRefused(with(request("US", "2026", "MONTHLY", 13, "3000"), Map.of("filingStatus", "SINGLE")), "period");
        assertRefused(with(request("US", "2026", "WEEKLY", 0, "3000"), Map.of("filingStatus", "SINGLE")), "period");
        assertRefused(with(request("GB", "2025-26", "WEEKLY", 54, "300"), Map.of("taxCode", "1257L", "niCategory", "A")), "period");
        assertRefused(with(request("GB", "2025-26", "SEMIMONTHLY", 1, "300"), Map.of("taxCode", "1257L", "niCategory", "A")),
                "frequency");
        assertRefused(with(request("US", "2026", "FORTNIGHTLY", 1, "3000"), Map.of("filingStatus", "SINGLE")), "frequency");
        assertRefused(with(request("FR", "2026", "MONTHLY", 1, "3000"), Map.of()), "country");
        assertRefused(with(request("US", "2031", "MONTHLY", 1, "3000"), Map.of("filingStatus", "SINGLE")), "taxYear");
        assertRefused(with(request("IN", "2026", "MONTHLY", 1, "3000"), Map.of()), "taxYear");
        assertRefused(with(request("US", "2026", "MONTHLY", 1, "3000.123"), Map.of("filingStatus", "SINGLE")), "gross");
        assertRefused(with(request("US", "2026", "MONTHLY", 1, "lots"), Map.of("filingStatus", "SINGLE")), "gross");
        assertRefused(with(request("US", "2026", "MONTHLY", 1, "3000"), Map.of("filingStatus", "SINGLE", "taxCode", "1257L")),
                "employee.taxCode");
        assertRefused(with(request("PH", "2025", "WEEKLY", 1, "3000"), Map.of()), "employee.basicMonthly");
        assertRefused(with(request("PH", "2025", "MONTHLY", 12, "30000"), Map.of("benefits", "40000")), "employee.benefits");
        assertRefused(with(request("PH", "2025", "MONTHLY", 12, "30000"), Map.of("yearEnd", true)), "employee.taxableToDate");
        assertRefused(with(request("IN", "2025-26", "MONTHLY", 1, "30000"), Map.of("benefits", "100")), "employee.benefits");
        Map<String, Object> disagreeing = with(request("IN", "2025-26", "MONTHLY", 2, "100000"), Map.of("tdsToDate", "500"));
        disagreeing.put("toDate", Map.of("tax", "600"));
        assertRefused(disagreeing, "employee.tdsToDate");
    }

    @Test
    void onlySignedInCallersMayCalculate() {
        Api.Response response = api().post("/api/v1/payroll/preview", request("US", "2026", "MONTHLY", 1, "3000"));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void theOpenApiDocumentDescribesThePreview() {
        Api.Response docs = api().get("/api/docs.json");
        assertThat(docs.body().path("paths").has("/api/v1/payroll/preview")).isTrue();
        assertThat(docs.body().path("components").path("schemas").path("ToDate").path("description").asString())
                .contains("niablePay");
    }

    private void assertRefused(Map<String, Object> body, String field) {
        Api.Response response = api.post("/api/v1/payroll/preview", body);
        assertThat(response.status()).as(body + " → " + response.body()).isEqualTo(422);
        assertThat(response.text("field")).as(response.body().toString()).isEqualTo(field);
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
    }

    private String raw(String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payroll/preview"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static Map<String, Object> request(String country, String taxYear, String frequency, int period, String gross) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("country", country);
        body.put("taxYear", taxYear);
        body.put("frequency", frequency);
        body.put("period", period);
        body.put("gross", gross);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, Map<String, Object> employee) {
        body.put("employee", employee);
        return body;
    }

    private static List<String> codes(Api.Response response, String side) {
        return response.body().path(side).valueStream().map(line -> line.path("code").asString()).toList();
    }

    private static String amount(Api.Response response, String side, String code) {
        return response.body().path(side).valueStream().filter(line -> line.path("code").asString().equals(code))
                .map(line -> line.path("amount").asString()).findFirst().orElseThrow();
    }
}
