package org.openbpo.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.tenancy.Clients;
import org.openbpo.tenancy.CurrentUser;
import org.openbpo.tenancy.InviteUser;
import org.openbpo.tenancy.Role;
import org.openbpo.tenancy.Users;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every API caller can rely on: problem details naming the field, idempotent POSTs, cursors. */
class ApiContractTest extends IntegrationTest {

    @Autowired
    ApiTokens tokens;
    @Autowired
    Clients clients;
    @Autowired
    Users users;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    CurrentUser admin;
    Api api;

    @BeforeEach
    void administrator() {
        admin = providerAdministrator();
        String token = TenantScope.call(AllowedClients.ALL, () -> tokens.issue(admin, "tests", null, Duration.ofDays(1)).secret());
        api = api().as(token);
    }

    @Test
    void malformedJsonIsA400ProblemAndNothingIsCreated() {
        Api.Response response = api.post("/api/v1/clients", "{\"code\": \"BROKEN\", ");
        assertProblem(response, 400, "malformed-body");
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
    }

    @Test
    void aRequestTheServerRefusesBeforeReadingItIsAProblemToo() {
        Api.Response response = api.get("/api/v1/clients?cursor=" + "z".repeat(10_000));
        assertProblem(response, 400, "malformed-request");
        assertThat(response.headers().get("content-type")).startsWith("application/problem+json");
        assertThat(response.body().toString()).doesNotContain("Tomcat").doesNotContain("<html");
    }

    @Test
    void anUnknownFieldIsNamed() {
        Map<String, Object> body = newClient(unique("UNK"));
        body.put("colour", "blue");
        Api.Response response = api.post("/api/v1/clients", body);
        assertProblem(response, 400, "unknown-field");
        assertThat(response.text("field")).isEqualTo("colour");
    }

    @Test
    void aWrongTypeIsNamed() {
        Map<String, Object> body = newClient(unique("TYP"));
        body.put("status", 42);
        Api.Response response = api.post("/api/v1/clients", body);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.text("field")).isEqualTo("status");
    }

    @Test
    void overLongAndInvalidValuesAreNamedWithTheirReason() {
        Map<String, Object> body = newClient(unique("LONG"));
        body.put("name", "x".repeat(201));
        body.put("currency", "pounds");
        Api.Response response = api.post("/api/v1/clients", body);
        assertProblem(response, 422, "invalid-request");
        Set<String> fields = new HashSet<>();
        response.body().path("errors").forEach(error -> fields.add(error.path("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("name", "currency");
    }

    @Test
    void aBusinessRuleNamesItsField() {
        Map<String, Object> body = newClient(unique("TZ"));
        body.put("timeZone", "Mars/Olympus_Mons");
        Api.Response response = api.post("/api/v1/clients", body);
        assertProblem(response, 422, "invalid-timezone");
        assertThat(response.text("field")).isEqualTo("timeZone");
    }

    @Test
    void anInvalidIdInThePathIsA400NamingIt() {
        Api.Response response = api.get("/api/v1/clients/not-a-uuid");
        assertProblem(response, 400, "invalid-parameter");
        assertThat(response.text("field")).isEqualTo("clientId");
    }

    @Test
    void missingExpiredAndRevokedTokensAre401Problems() {
        assertProblem(api().get("/api/v1/clients"), 401, "unauthenticated");
        assertProblem(api().as("obpo_nonsense").get("/api/v1/clients"), 401, "invalid-token");

        var expiring = TenantScope.call(AllowedClients.ALL, () -> tokens.issue(admin, "short", null, Duration.ofDays(1)));
        assertThat(api().as(expiring.secret()).get("/api/v1/me").status()).isEqualTo(200);
        clock.advance(Duration.ofDays(2));
        Api.Response expired = api().as(expiring.secret()).get("/api/v1/me");
        assertProblem(expired, 401, "invalid-token");
        assertThat(expired.text("detail")).contains("expired");

        var revoked = TenantScope.call(AllowedClients.ALL, () -> tokens.issue(admin, "revoked", null, null));
        assertThat(api().as(revoked.secret()).delete("/api/v1/tokens/" + revoked.token().id()).status()).isEqualTo(204);
        assertThat(api().as(revoked.secret()).get("/api/v1/me").text("detail")).contains("revoked");
    }

    @Test
    void everyApiAnswerCarriesTheSecurityHeadersAndNoSession() {
        Api.Response listed = api.get("/api/v1/clients");
        Api.Response refused = api().get("/api/v1/clients");
        for (Api.Response answer : java.util.List.of(listed, refused)) {
            assertThat(answer.headers()).containsEntry("x-content-type-options", "nosniff")
                    .containsEntry("x-frame-options", "DENY")
                    .containsEntry("cache-control", "no-cache, no-store, max-age=0, must-revalidate")
                    .doesNotContainKey("set-cookie");
        }
        assertThat(listed.status()).isEqualTo(200);
        assertProblem(refused, 401, "unauthenticated");
        assertThat(refused.headers()).containsEntry("www-authenticate", "Bearer");
    }

    @Test
    void apiRequestsAreStillTimedForTheMetrics() {
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        Api.Download metrics = api().download("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        String text = new String(metrics.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/me\"");
    }

    @Test
    void aPostWithoutATokenChangesNothing() {
        long before = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from tenancy.client").query(Long.class).single()));
        Api.Response refused = api().header("Idempotency-Key", "no-token").post("/api/v1/clients",
                newClient(unique("NOTOK")));
        assertProblem(refused, 401, "unauthenticated");
        long after = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select count(*) from tenancy.client").query(Long.class).single()));
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aDisabledUsersTokenIsRefusedFromTheNextRequestOnAndAWrongSecretRecordsNoUse() {
        var staff = TenantScope.call(AllowedClients.ALL, () -> users.invite(new InviteUser(null, unique("ops") + "@openbpo.test",
                "Ops Person", "a long enough password", Set.of(Role.OPERATIONS_MANAGER), true, null), admin));
        var issued = TenantScope.call(AllowedClients.ALL, () -> tokens.issue(CurrentUser.of(staff), "ops", null, null));
        String forged = issued.secret().substring(0, issued.secret().length() - 4) + "AAAA";
        assertProblem(api().as(forged).get("/api/v1/me"), 401, "invalid-token");
        assertThat(lastUsed(issued.token().id())).as("a wrong secret records no use").isNull();

        assertThat(api().as(issued.secret()).get("/api/v1/me").status()).isEqualTo(200);
        var firstUse = lastUsed(issued.token().id());
        assertThat(firstUse).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        clock.advance(Duration.ofSeconds(30));
        assertThat(api().as(issued.secret()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(lastUsed(issued.token().id())).as("kept to the minute").isEqualTo(firstUse);
        clock.advance(Duration.ofSeconds(31));
        assertThat(api().as(issued.secret()).get("/api/v1/me").status()).isEqualTo(200);
        assertThat(lastUsed(issued.token().id())).isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));

        assertThat(api.patch("/api/v1/users/" + staff.id(), Map.of("status", "DISABLED")).status()).isEqualTo(200);
        Api.Response refused = api().as(issued.secret()).get("/api/v1/me");
        assertProblem(refused, 401, "invalid-token");
        assertThat(refused.text("detail")).contains("disabled");
    }

    @Test
    void concurrentRequestsWithOneIdempotencyKeyMakeOneClientAndAllGetItsAnswer() throws Exception {
        String code = unique("RACE");
        Api keyed = api.header("Idempotency-Key", "race-" + code);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            var answers = new java.util.ArrayList<java.util.concurrent.Future<Api.Response>>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> keyed.post("/api/v1/clients", newClient(code))));
            }
            Set<String> ids = new HashSet<>();
            int replayed = 0;
            for (var answer : answers) {
                Api.Response response = answer.get();
                assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
                ids.add(response.text("id"));
                replayed += "true".equals(response.headers().get("idempotent-replayed")) ? 1 : 0;
            }
            assertThat(ids).hasSize(1);
            assertThat(replayed).isEqualTo(3);
        } finally {
            pool.shutdown();
        }
    }

    private java.time.Instant lastUsed(java.util.UUID tokenId) {
        return TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select last_used_at from tenancy.api_token where id = ?").param(tokenId)
                        .query((rs, n) -> java.util.Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant)).single()))
                .orElse(null);
    }

    @Test
    void theSameIdempotencyKeyGivesTheSameResponseAndNoSecondClient() {
        String code = unique("IDEM");
        Api keyed = api.header("Idempotency-Key", "create-" + code);
        Api.Response first = keyed.post("/api/v1/clients", newClient(code));
        Api.Response second = keyed.post("/api/v1/clients", newClient(code));
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.headers().get("idempotent-replayed")).isEqualTo("true");

        Api.Response different = keyed.post("/api/v1/clients", newClient(unique("OTHER")));
        assertProblem(different, 422, "idempotency-key-reused");

        Api.Response withoutKey = api.post("/api/v1/clients", newClient(code));
        assertProblem(withoutKey, 409, "client-code-taken");
    }

    @Test
    void aTokensSecretIsNotKeptUnderItsIdempotencyKeyAndARetryIssuesNoSecondToken() {
        String key = unique("token-key");
        Api keyed = api.header("Idempotency-Key", key);
        Api.Response first = keyed.post("/api/v1/tokens", Map.of("name", "ci pipeline"));
        assertThat(first.status()).isEqualTo(201);
        String secret = first.text("secret");
        Api.Response retry = keyed.post("/api/v1/tokens", Map.of("name", "ci pipeline"));
        assertProblem(retry, 409, "secret-not-kept");
        assertThat(retry.body().toString()).doesNotContain(secret);
        assertThat(api.get("/api/v1/tokens").body().valueStream().filter(t -> t.path("name").asString().equals("ci pipeline")))
                .as("issued once").hasSize(1);
        String stored = TenantScope.call(AllowedClients.ALL, () -> transactions.execute(tx ->
                jdbc.sql("select convert_from(body, 'UTF8') from tenancy.idempotent_request where key = ?").param(key)
                        .query(String.class).single()));
        assertThat(stored).doesNotContain(secret.substring(secret.lastIndexOf('_') + 1));
    }

    @Test
    void aRejectedRequestIsNotRememberedSoItsRetryCanSucceed() {
        String code = unique("RETRY");
        Api keyed = api.header("Idempotency-Key", "retry-" + code);
        Map<String, Object> body = newClient(code);
        body.put("timeZone", "Nowhere/Special");
        assertThat(keyed.post("/api/v1/clients", body).status()).isEqualTo(422);
        assertThat(keyed.post("/api/v1/clients", body).headers()).doesNotContainKey("idempotent-replayed");
    }

    @Test
    void cursorsWalkEveryClientExactlyOnce() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/api/v1/clients", newClient(unique("PAGE"))).status()).isEqualTo(201);
        }
        Set<String> seen = new HashSet<>();
        String cursor = "";
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/clients?limit=2" + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            page.body().path("items").forEach(item -> assertThat(seen.add(item.path("id").asString())).isTrue());
            cursor = page.body().path("nextCursor").isNull() ? "" : page.text("nextCursor");
            pages++;
        } while (!cursor.isEmpty());
        long total = TenantScope.call(AllowedClients.ALL, () -> clients.page(null, 10_000).size());
        assertThat(seen).hasSize((int) total);
        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertProblem(api.get("/api/v1/clients?cursor=!!!"), 422, "invalid-cursor");
        assertProblem(api.get("/api/v1/clients?limit=0"), 422, "invalid-limit");
    }

    private static Map<String, Object> newClient(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", "Harbour Freight");
        body.put("legalEntity", "Harbour Freight Ltd");
        body.put("country", "GB");
        body.put("timeZone", "Europe/London");
        body.put("currency", "GBP");
        return body;
    }

    private static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.text("code")).as(response.body().toString()).isEqualTo(code);
        assertThat(response.text("detail")).isNotBlank();
        assertThat(response.body().toString()).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
