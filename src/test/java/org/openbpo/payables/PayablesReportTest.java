package org.openbpo.payables;

import org.junit.jupiter.api.Test;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.payables.InvoiceCaptureTest.invoice;

/** Aging buckets by vendor and the weekly cash requirement, on invoices whose due dates are known. */
class PayablesReportTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Test
    void agingBucketsAndTheCashForecast() {
        PayablesFixture.Setup setup = PayablesFixture.client(context, IntegrationTest::unique, providerAdministrator(), "US",
                "America/New_York", "USD");
        Api clerk = api().as(setup.clerkToken());
        Map<String, Object> plain = VendorApiTest.vendor("PLAIN", List.of("USD"), null);
        plain.put("discountPercent", "0");
        plain.put("discountDays", 0);
        clerk.post(setup.path() + "/vendors", plain);
        clerk.post(setup.path() + "/vendors", VendorApiTest.vendor("DISC", List.of("USD"), null));
        // Due dates (30 days' terms) relative to 2026-04-30: current, 1-30, 31-60, 61-90, over 90 days late.
        for (String[] row : new String[][]{{"P-1", "2026-04-15", "100.00"}, {"P-2", "2026-03-20", "200.00"},
                {"P-3", "2026-02-10", "300.00"}, {"P-4", "2026-01-10", "400.00"}, {"P-5", "2025-12-01", "500.00"}}) {
            assertThat(clerk.post(setup.path() + "/invoices", invoice("PLAIN", row[0], row[1], "USD", row[2])).status()).isEqualTo(201);
        }
        clerk.post(setup.path() + "/invoices", invoice("DISC", "D-1", "2026-04-28", "USD", "1000.00"));
        clerk.post(setup.path() + "/invoices", invoice("DISC", "D-2", "2026-05-20", "USD", "50.00"));

        JsonNode aging = clerk.get(setup.path() + "/reports/aging?asOf=2026-04-30").body();
        JsonNode plainRow = aging.path("rows").get(1);
        assertThat(plainRow.path("vendor").asString()).isEqualTo("PLAIN");
        assertThat(plainRow.path("current").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(plainRow.path("days1to30").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(plainRow.path("days31to60").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(plainRow.path("days61to90").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(plainRow.path("over90").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(aging.path("rows").get(0).path("invoices").asInt()).as("D-2 is dated after the day").isEqualTo(1);
        assertThat(aging.path("totals").get(0).path("total").decimalValue()).isEqualByComparingTo("2500.00");

        JsonNode forecast = clerk.get(setup.path() + "/reports/cash-forecast?from=2026-04-30&weeks=8").body();
        JsonNode first = forecast.path("rows").get(0);
        assertThat(first.path("weekStarting").asString()).isEqualTo("2026-04-27");
        assertThat(first.path("due").decimalValue()).as("everything overdue falls in the first week").isEqualByComparingTo("1400.00");
        assertThat(first.path("invoices").asInt()).isEqualTo(4);
        assertThat(forecast.path("rows").toString()).contains("\"weekStarting\":\"2026-05-04\"");
        BigDecimalSums sums = new BigDecimalSums(forecast.path("rows"));
        assertThat(sums.due).as("P-1 due 2026-05-15, D-1 due 2026-05-28 and D-2 due 2026-06-19 are within 8 weeks").isEqualByComparingTo("2550.00");
        assertThat(sums.discounted).as("D-1 and D-2 with 2% off").isEqualByComparingTo("2529.00");
        assertThat(clerk.get(setup.path() + "/reports/cash-forecast?weeks=60").text("field")).isEqualTo("weeks");
    }

    private static final class BigDecimalSums {
        java.math.BigDecimal due = java.math.BigDecimal.ZERO;
        java.math.BigDecimal discounted = java.math.BigDecimal.ZERO;

        BigDecimalSums(JsonNode rows) {
            rows.forEach(row -> {
                due = due.add(row.path("due").decimalValue());
                discounted = discounted.add(row.path("dueTakingDiscounts").decimalValue());
            });
        }
    }
}
