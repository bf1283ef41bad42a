package org.openbpo.ledger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openbpo.ledger.LedgerPostingTest.credit;
import static org.openbpo.ledger.LedgerPostingTest.debit;
import static org.openbpo.ledger.LedgerPostingTest.entry;

/** Every ledger endpoint, tried with another client's id: 404, never 403, and nothing changes. */
class LedgerIsolationTest extends IntegrationTest {

    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Books books;

    Bookkeeping.Setup own;
    Bookkeeping.Setup other;
    long otherEntry;

    @BeforeEach
    void twoClients() {
        own = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "IFRS", "EUR");
        other = Bookkeeping.client(IntegrationTest::unique, providerAdministrator(), clients, users, tokens, books, "US_GAAP", "USD");
        Api.Response posted = api().as(other.agentToken()).post(path(other) + "/entries",
                entry("2026-03-02", "theirs", List.of(debit("1010", 100), credit("4100", 100))));
        assertThat(posted.status()).isEqualTo(201);
        otherEntry = posted.body().path("id").asLong();
    }

    @Test
    void anotherClientsLedgerIsNotFoundForTheirStaffOrTheirClientUsers() {
        for (String token : List.of(own.accountantToken(), own.agentToken(), own.clientToken())) {
            Api api = api().as(token);
            assertThat(api.get(path(own) + "/accounts").status()).isEqualTo(200);
            assertEveryEndpointHidesTheOtherClient(api);
        }
        assertThat(api().as(other.agentToken()).get(path(other) + "/entries/" + otherEntry).status())
                .as("nothing was changed").isEqualTo(200);
        assertThat(api().as(other.agentToken()).get(path(other) + "/entries").body().path("items").size()).isEqualTo(1);
    }

    private void assertEveryEndpointHidesTheOtherClient(Api api) {
        String them = path(other);
        Map<String, Object> anEntry = entry("2026-03-03", "intrusion", List.of(debit("1010", 1), credit("4100", 1)));
        Map<String, Api.Response> attempts = new LinkedHashMap<>();
        attempts.put("open books", api.post(them + "/books", Map.of("template", "IFRS")));
        attempts.put("book", api.get(them + "/books"));
        attempts.put("accounts", api.get(them + "/accounts"));
        attempts.put("account", api.get(them + "/accounts/1010"));
        attempts.put("add account", api.post(them + "/accounts", Map.of("code", "1011", "name", "X", "type", "ASSET", "parent", "1000")));
        attempts.put("dimensions", api.get(them + "/dimensions"));
        attempts.put("add dimension", api.post(them + "/dimensions", Map.of("kind", "PROJECT", "code", "P", "name", "P")));
        attempts.put("entries", api.get(them + "/entries"));
        attempts.put("entry", api.get(them + "/entries/" + otherEntry));
        attempts.put("their entry under our id", api.get(path(own) + "/entries/" + otherEntry));
        attempts.put("post", api.post(them + "/entries", anEntry));
        attempts.put("reverse", api.post(them + "/entries/" + otherEntry + "/reversal", Map.of()));
        attempts.put("reverse theirs under our id", api.post(path(own) + "/entries/" + otherEntry + "/reversal", Map.of()));
        attempts.put("periods", api.get(them + "/periods?year=2026"));
        attempts.put("close period", api.put(them + "/periods/2026-03", Map.of("status", "CLOSED")));
        attempts.put("rates", api.get(them + "/exchange-rates?from=2026-01-01&to=2026-12-31"));
        attempts.put("quote rate", api.post(them + "/exchange-rates", Map.of("from", "EUR", "to", "USD", "day", "2026-03-01", "rate", "1.1")));
        attempts.put("revalue", api.post(them + "/revaluations", Map.of("date", "2026-03-31")));
        attempts.put("trial balance", api.get(them + "/reports/trial-balance?asOf=2026-12-31"));
        attempts.put("income statement", api.get(them + "/reports/income-statement?from=2026-01-01&to=2026-12-31"));
        attempts.put("balance sheet", api.get(them + "/reports/balance-sheet?asOf=2026-12-31"));
        attempts.put("general ledger", api.get(them + "/reports/general-ledger/1010?from=2026-01-01&to=2026-12-31"));
        attempts.put("export", api.get(them + "/journal"));
        attempts.put("import", api.post(them + "/journal", Map.of("journal", "2026-03-04 x\n    Assets:1010  1 USD\n    Income:4100\n")));
        attempts.forEach((what, response) -> {
            assertThat(response.status()).as(what + ": " + response.body()).isEqualTo(404);
            assertThat(response.text("code")).as(what).isEqualTo("not-found");
        });
    }

    private static String path(Bookkeeping.Setup setup) {
        return "/api/v1/clients/" + setup.client().id() + "/ledger";
    }
}
