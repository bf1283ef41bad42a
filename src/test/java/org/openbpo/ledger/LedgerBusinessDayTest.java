package org.openbpo.ledger;

import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.credit;
import static org.openbpo.ledger.LedgerPostingTest.debit;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/**
 * "Today" in a client's books is the client's business day: a report asked for without a date is drawn up as of the
 * day it is where the client is, not the day it is in UTC, which differs by a day around midnight far from Greenwich.
 */
class LedgerBusinessDayTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    @Test
    void aClientInAucklandSeesTodaysEntriesWhileItIsStillYesterdayInUtc() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD", "NZ", "Pacific/Auckland");
        Api agent = api().as(setup.agentToken());
        String base = "/api/v1/clients/" + setup.client().id() + "/ledger";
        // 11:30 UTC on 2 March is 00:30 on 3 March in Auckland (NZDT, UTC+13): the client's new day has begun.
        clock.set(Instant.parse("2026-03-02T11:30:00Z"));
        Api.Response posted = agent.post(base + "/entries",
                entry("2026-03-03", "first-sale", List.of(debit("1100", 800_00), credit("4100", 800_00))));
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);

        JsonNode trialBalance = agent.get(base + "/reports/trial-balance").body();
        assertThat(trialBalance.path("asOf").asString()).isEqualTo("2026-03-03");
        assertThat(trialBalance.path("functionalDebits").asLong()).isEqualTo(800_00);

        JsonNode sheet = agent.get(base + "/reports/balance-sheet").body();
        assertThat(sheet.path("assets").path("total").asLong()).isEqualTo(800_00);
    }

    @Test
    void aClientInHonoluluDoesNotSeeTomorrowsEntriesWhileItIsAlreadyTomorrowInUtc() {
        Bookkeeping.Setup setup = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens,
                books, "US_GAAP", "USD", "US", "Pacific/Honolulu");
        Api agent = api().as(setup.agentToken());
        String base = "/api/v1/clients/" + setup.client().id() + "/ledger";
        // 05:00 UTC on 3 March is 19:00 on 2 March in Honolulu (UTC-10): the client's day is not over yet.
        clock.set(Instant.parse("2026-03-03T05:00:00Z"));
        Api.Response posted = agent.post(base + "/entries",
                entry("2026-03-03", "post-dated-rent", List.of(debit("6100", 300_00), credit("2010", 300_00))));
        assertThat(posted.status()).as(posted.body().toString()).isEqualTo(201);

        JsonNode trialBalance = agent.get(base + "/reports/trial-balance").body();
        assertThat(trialBalance.path("asOf").asString()).isEqualTo("2026-03-02");
        assertThat(trialBalance.path("functionalDebits").asLong()).isZero();
    }
}
