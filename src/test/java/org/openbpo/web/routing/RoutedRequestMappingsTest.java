package org.openbpo.web.routing;

import org.junit.jupiter.api.Test;
import org.openbpo.shared.tenant.AllowedClients;
import org.openbpo.shared.tenant.TenantScope;
import org.openbpo.tenancy.ApiTokens;
import org.openbpo.testing.Api;
import org.openbpo.testing.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every controller is still found, among a handful of candidates instead of all of them; Spring's own answers stay. */
class RoutedRequestMappingsTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    ApiTokens tokens;

    @Test
    void everyMappingIsACandidateForItsOwnPathsAndFewOthersAre() {
        assertThat(mappings).isInstanceOf(RoutedRequestMappings.class);
        RoutedRequestMappings routed = (RoutedRequestMappings) mappings;
        int checked = 0;
        int mostCandidates = 0;
        for (RequestMappingInfo mapping : routed.getHandlerMethods().keySet()) {
            var patterns = mapping.getPathPatternsCondition();
            if (patterns == null) {
                continue;
            }
            for (PathPattern pattern : patterns.getPatterns()) {
                String text = pattern.getPatternString();
                if (text.contains("**") || text.contains("{*") || text.endsWith("/") || text.isEmpty()) {
                    continue;
                }
                String path = text.replaceAll("\\{[^/]*}", "1").replace('*', 'x').replace('?', 'x');
                if (!pattern.matches(org.springframework.http.server.PathContainer.parsePath(path))) {
                    continue; // a variable with a pattern of its own that "1" does not fit
                }
                List<RequestMappingInfo> candidates = routed.candidates(path);
                assertThat(candidates).as(path).isNotNull().contains(mapping);
                mostCandidates = Math.max(mostCandidates, candidates.size());
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(300);
        assertThat(mostCandidates).as("candidates for the busiest path").isLessThan(20);
        assertThat(routed.candidates("/api/v1/clients/x/support/tickets/")).as("trailing slash: Spring decides").isNull();
        assertThat(routed.candidates("/api/v1/cl%69ents")).as("encoded: Spring decides").isNull();
    }

    @Test
    void aMappingRegisteredOrRemovedAtRunTimeIsFoundOrForgottenAtOnce() throws Exception {
        RoutedRequestMappings routed = (RoutedRequestMappings) mappings;
        String path = "/api/v1/routing-probe/7";
        RequestMappingInfo probe = RequestMappingInfo.paths("/api/v1/routing-probe/{id}")
                .options(routed.getBuilderConfiguration()).build();
        assertThat(routed.candidates(path)).as("the tree is built before the change").doesNotContain(probe);
        routed.registerMapping(probe, new Probe(), Probe.class.getMethod("answer"));
        try {
            assertThat(routed.candidates(path)).contains(probe);
        } finally {
            routed.unregisterMapping(probe);
        }
        assertThat(routed.candidates(path)).doesNotContain(probe);
    }

    /** A handler for the mapping registered at run time. */
    public static class Probe {
        public String answer() {
            return "probe";
        }
    }

    @Test
    void aWrongMethodAnUnknownPathAndATicketStillGetSpringsAnswers() {
        String token = TenantScope.call(AllowedClients.ALL, () -> tokens.issue(providerAdministrator(), "routing", null, Duration.ofHours(1)).secret());
        Api api = api().as(token);
        assertThat(api.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/clients?limit=1").status()).isEqualTo(200);
        assertThat(api.send("PUT", "/api/v1/me", "{}").status()).isEqualTo(405);
        Api.Response unknown = api.get("/api/v1/no-such-thing");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text("code")).as("a problem detail").isEqualTo("not-found");
        Api.Response wrongMethod = api.send("PUT", "/api/v1/me", "{}");
        assertThat(wrongMethod.text("code")).as("a problem detail").isEqualTo("method-not-allowed");
        Api.Response brokenUpload = api.post("/api/v1/clients", "multipart/form-data", "no boundary".getBytes());
        assertThat(brokenUpload.status()).as(brokenUpload.body().toString()).isEqualTo(400);
        assertThat(brokenUpload.text("code")).as("a problem detail").isEqualTo("malformed-body");
        assertThat(api.get("/api/v1/clients/not-a-uuid").status()).isEqualTo(400);
    }
}
