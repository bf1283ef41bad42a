package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/**
 * A consultancy in US dollars holding a thousand euros from January, revalued at month ends: in a
 * soft-closed month as the accountant's adjustment, and with the months a revaluation missed caught up.
 */
class RevaluationTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    Api agent;
    Api accountant;
    String base;

    @BeforeEach
    void euroBalanceFromJanuary() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD");
        agent = api().as(setup.agentToken());
        accountant = api().as(setup.accountantToken());
        base = "/api/v1/clients/" + setup.client().id() + "/ledger";
        rate("2026-01-01", "1.10");
        Api.Response sale = agent.post(base + "/entries", entry("2026-01-05", "eur-sale", List.of(
                Map.of("account", "1020", "debit", 1_000_00, "currency", "EUR"),
                Map.of("account", "4100", "credit", 1_000_00, "currency", "EUR"))));
        assertThat(sale.status()).as(sale.body().toString()).isEqualTo(201);
    }

    private void rate(String day, String rate) {
        assertThat(agent.post(base + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", day, "rate", rate)).status())
                .isEqualTo(201);
    }

    @Test
    void anAccountantRevaluesASoftClosedMonthAsAnAdjustingEntry() {
        rate("2026-01-31", "1.12");
        assertThat(accountant.put(base + "/periods/2026-01", Map.of("status", "SOFT_CLOSED")).status()).isEqualTo(200);

        Api.Response revaluation = accountant.post(base + "/revaluations", Map.of("date", "2026-01-31"));

        assertThat(revaluation.status()).as(revaluation.body().toString()).isEqualTo(201);
        assertThat(revaluation.body().path("adjusting").asBoolean()).isTrue();
        assertThat(euroBankInDollars("2026-01-31")).isEqualTo(1_120_00);
    }

    @Test
    void monthEndsNeverRevaluedAreRevaluedFirstEachAtItsOwnRate() {
        rate("2026-01-31", "1.12");
        rate("2026-02-28", "1.15");
        rate("2026-03-31", "1.20");

        Api.Response march = accountant.post(base + "/revaluations", Map.of("date", "2026-03-31"));

        assertThat(march.status()).as(march.body().toString()).isEqualTo(201);
        assertThat(revaluationDays()).containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
        assertThat(euroBankInDollars("2026-01-31")).isEqualTo(1_120_00);
        assertThat(euroBankInDollars("2026-02-28")).isEqualTo(1_150_00);
        assertThat(euroBankInDollars("2026-03-31")).isEqualTo(1_200_00);
        assertThat(accountant.post(base + "/revaluations", Map.of("date", "2026-03-31")).status()).isEqualTo(200);
        assertThat(revaluationDays()).hasSize(3);
    }

    @Test
    void closedMonthsStayAsClosedAndTheCatchUpStartsAfterTheLatestRevaluation() {
        assertThat(accountant.put(base + "/periods/2026-01", Map.of("status", "CLOSED")).status()).isEqualTo(200);
        rate("2026-02-28", "1.15");
        rate("2026-03-31", "1.20");
        accountant.post(base + "/revaluations", Map.of("date", "2026-02-28"));
        rate("2026-04-30", "1.25");
        rate("2026-05-31", "1.30");
        assertThat(revaluationDays()).as("the closed January is left as it was closed").containsExactly("2026-02-28");

        Api.Response may = accountant.post(base + "/revaluations", Map.of("date", "2026-05-31"));

        assertThat(may.status()).as(may.body().toString()).isEqualTo(201);
        assertThat(revaluationDays()).containsExactly("2026-02-28", "2026-03-31", "2026-04-30", "2026-05-31");
    }

    @Test
    void aDayBeforeALaterRevaluationIsRefusedUntilTheLaterOnesAreReversed() {
        rate("2026-01-31", "1.12");
        rate("2026-02-28", "1.15");
        rate("2026-03-31", "1.20");
        rate("2026-02-15", "1.30");
        assertThat(accountant.post(base + "/revaluations", Map.of("date", "2026-03-31")).status()).isEqualTo(201);

        Api.Response midFebruary = accountant.post(base + "/revaluations", Map.of("date", "2026-02-15"));

        assertThat(midFebruary.status()).as(midFebruary.body().toString()).isEqualTo(409);
        assertThat(midFebruary.text("code")).isEqualTo("later-revaluation");
        assertThat(midFebruary.text("field")).isEqualTo("date");
        assertThat(midFebruary.text("detail")).contains("2026-02-15").contains("2026-03-31");
        assertThat(revaluationDays()).containsExactly("2026-01-31", "2026-02-28", "2026-03-31");
        assertThat(euroBankInDollars("2026-03-31")).as("March stays stated at March's rate").isEqualTo(1_200_00);
        assertThat(euroBankInDollars("2026-02-28")).isEqualTo(1_150_00);

        for (JsonNode entry : agent.get(base + "/entries?limit=100").body().path("items")) {
            if (entry.path("source").asString().equals("REVALUATION") && entry.path("date").asString().compareTo("2026-02-15") > 0) {
                assertThat(accountant.post(base + "/entries/" + entry.path("id").asLong() + "/reversal", Map.of()).status())
                        .isEqualTo(201);
            }
        }
        Api.Response again = accountant.post(base + "/revaluations", Map.of("date", "2026-02-15"));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(euroBankInDollars("2026-02-15")).isEqualTo(1_300_00);
    }

    @Test
    void aMissedMonthWithoutARateRefusesTheLaterRevaluationNamingIt() {
        rate("2026-03-31", "1.20");
        // Pounds held from February, quoted only from March on: February's month end cannot be revalued.
        assertThat(agent.post(base + "/exchange-rates", Map.of("from", "GBP", "to", "USD", "day", "2026-03-01", "rate", "1.30"))
                .status()).isEqualTo(201);
        Api.Response pounds = agent.post(base + "/entries", entry("2026-02-03", "gbp-sale", List.of(
                Map.of("account", "1020", "debit", 100_00, "currency", "GBP", "functionalAmount", 127_00),
                Map.of("account", "4100", "credit", 100_00, "currency", "GBP", "functionalAmount", -127_00))));
        assertThat(pounds.status()).as(pounds.body().toString()).isEqualTo(201);

        Api.Response march = accountant.post(base + "/revaluations", Map.of("date", "2026-03-31"));

        assertThat(march.status()).isEqualTo(422);
        assertThat(march.text("code")).isEqualTo("no-exchange-rate");
        assertThat(march.text("detail")).contains("2026-02").contains("GBP/USD");
        assertThat(revaluationDays()).as("all or nothing").isEmpty();
    }

    private List<String> revaluationDays() {
        List<String> days = new ArrayList<>();
        for (JsonNode entry : agent.get(base + "/entries?limit=100").body().path("items")) {
            if (entry.path("source").asString().equals("REVALUATION")) {
                days.add(entry.path("date").asString());
            }
        }
        return days;
    }

    private long euroBankInDollars(String day) {
        for (JsonNode row : agent.get(base + "/reports/trial-balance?asOf=" + day).body().path("rows")) {
            if (row.path("account").asString().equals("1020") && row.path("currency").asString().equals("EUR")) {
                return row.path("functionalBalance").asLong();
            }
        }
        throw new AssertionError("no euro balance on 1020 at " + day);
    }
}
