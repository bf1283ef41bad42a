package org.openbpo.payroll;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pay group's schedule asked for without a day starts from the client's today: at 02:00 UTC on 1 April it is
 * still 31 March in New York, where March's pay period has not ended yet.
 */
class PayScheduleApiTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theScheduleStartsFromTheClientsTodayNotUtcs() {
        PayrollSetup.Setup setup = PayrollSetup.client(context, IntegrationTest::unique, providerAdministrator());
        Api manager = api().as(setup.managerToken());
        String schedule = "/api/v1/clients/" + setup.client().id() + "/payroll/pay-groups/UK-M/schedule?count=2";
        clock.set(Instant.parse("2026-04-01T02:00:00Z"));

        Api.Response fromToday = manager.get(schedule);
        assertThat(fromToday.status()).as(fromToday.body().toString()).isEqualTo(200);
        String clientsDay = manager.get(schedule + "&from=2026-03-31").body().toString();
        String utcsDay = manager.get(schedule + "&from=2026-04-01").body().toString();
        assertThat(clientsDay).as("the two days give different schedules").isNotEqualTo(utcsDay);
        assertThat(fromToday.body().toString()).isEqualTo(clientsDay);

        assertThat(manager.get("/api/v1/clients/" + UUID.randomUUID() + "/payroll/pay-groups/UK-M/schedule").status())
                .isEqualTo(404);
    }
}
