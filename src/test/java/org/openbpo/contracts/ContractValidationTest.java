package org.openbpo.contracts;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.openbpo.work.WorkFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.contracts.ContractTermTest.assertProblem;

/** What an integration sends wrong in a contract is refused with the field and the reason, never a 500 or a bare 409. */
class ContractValidationTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    WorkFixture.Setup setup;
    Api admin;
    String contracts;

    private void setUp() {
        setup = new WorkFixture(context).clientUnderContract(providerAdministrator(), unique("VAL"));
        admin = api().as(setup.adminToken());
        contracts = "/api/v1/clients/" + setup.client().id() + "/contracts";
    }

    @Test
    void aMadeUpCurrencyIsRefused() {
        setUp();
        Api.Response response = admin.post(contracts, draft(Map.of("currency", "ZZZ")));
        assertProblem(response, 422, "currency");
        assertThat(response.text("detail")).contains("ZZZ");
    }

    @Test
    void aServiceLineOnAWorkTypeTheClientLacksIsRefused() {
        setUp();
        assertProblem(admin.post(contracts, draft(Map.of("serviceLines", List.of(
                line("chat", "support-ticket"), line("payroll-run", "no-such-type"))))), 422, "serviceLines[1].workType");
    }

    @Test
    void aKpiTargetGivenTwiceIsRefusedAtDraftAndRevision() {
        setUp();
        List<Map<String, String>> twice = List.of(kpi("CSAT", "4"), kpi("CSAT", "4.5"));
        assertProblem(admin.post(contracts, draft(Map.of("kpiTargets", twice))), 422, "kpiTargets[1].kpi");
        assertProblem(admin.post(contracts + "/" + setup.contract().id() + "/revisions", Map.of("calendar", calendar("Europe/London"),
                "slaTargets", List.of(), "kpiTargets", List.of(Map.of("serviceLine", "policy-admin", "kpi", "CSAT", "target", "4"),
                Map.of("serviceLine", "policy-admin", "kpi", "CSAT", "target", "4.5")))), 422, "kpiTargets[1].kpi");
    }

    @Test
    void fixedOffsetsClosedWeeksAndTargetsOutOfRangeAreRefusedByField() {
        setUp();
        assertProblem(admin.post(contracts, draft(Map.of("calendar", calendar("-05:00")))), 422, "calendar.zone");
        assertProblem(admin.post(contracts, draft(Map.of("calendar", calendar("UTC+8")))), 422, "calendar.zone");
        assertProblem(admin.post(contracts, draft(Map.of("calendar", Map.of("zone", "Europe/London", "week", Map.of())))), 422,
                "calendar.week");
        assertProblem(admin.post(contracts, draft(Map.of("kpiTargets", List.of(kpi("CSAT", "100000000"))))), 422, "kpiTargets[0].target");
        assertProblem(admin.post(contracts, draft(Map.of("kpiTargets", List.of(kpi("CSAT", "4.12345"))))), 422, "kpiTargets[0].target");
        assertProblem(admin.post(contracts, draft(Map.of("kpiTargets", List.of(kpi("CSAT", "-1"))))), 422, "kpiTargets[0].target");
        Api.Response fine = admin.post(contracts, draft(Map.of("kpiTargets", List.of(kpi("CSAT", "4.1234")))));
        assertThat(fine.status()).as(fine.body().toString()).isEqualTo(201);
    }

    private Map<String, Object> draft(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(Map.of("reference", unique("MSA"), "title", "Chat support", "currency", "GBP",
                "startsOn", "2026-03-01", "calendar", calendar("Europe/London"), "serviceLines", List.of(line("chat", "support-ticket")),
                "slaTargets", List.of()));
        body.putAll(changes);
        return body;
    }

    private static Map<String, Object> calendar(String zone) {
        return Map.of("zone", zone, "week", Map.of("MONDAY", "09:00-17:30"));
    }

    private static Map<String, String> line(String code, String workType) {
        return Map.of("code", code, "name", "Chat", "kind", "CUSTOMER_SUPPORT", "workType", workType);
    }

    private static Map<String, String> kpi(String kpi, String target) {
        return Map.of("serviceLine", "chat", "kpi", kpi, "target", target);
    }
}
