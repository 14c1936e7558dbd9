package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.assertj.core.api.SoftAssertions;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint the application serves, called by every kind of caller, against this test's own table of who may
 * reach what (written apart from {@link EndpointPolicy} on purpose: a change to one without the other fails here). A
 * caller the table does not allow gets 401 without a token and 403 with one; a caller it allows gets neither (the
 * empty or made-up request may then fail validation or find nothing, which is not this test's concern).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityEndpointMatrixTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    private static final String ANYONE = "anyone";
    private static final String NOBODY_BY_BEARER = "page session only";

    /** Who may call each endpoint: role names, {@link #ANYONE}, or {@link #NOBODY_BY_BEARER}. */
    private static final Map<String, Set<String>> EXPECTED = expected();

    private static Map<String, Set<String>> expected() {
        Map<String, Set<String>> t = new LinkedHashMap<>();
        t.put("GET /api/v1/ledger/checkpoint", Set.of(ANYONE));
        t.put("GET /api/v1/ledger/checkpoints/{treeSize}", Set.of(ANYONE));
        t.put("GET /api/v1/ledger/public-key", Set.of(ANYONE));
        t.put("GET /api/v1/ledger/proofs/inclusion", Set.of(ANYONE));
        t.put("GET /api/v1/ledger/proofs/consistency", Set.of(ANYONE));
        t.put("GET /api/v1/ledger/entries/{index}", Set.of("enrollee", "auditor", "regulator", "admin"));
        t.put("POST /api/v1/disclosures", Set.of("recorder"));
        t.put("GET /api/v1/disclosures/{disclosureId}", Set.of("recorder", "auditor", "regulator"));
        t.put("POST /api/v1/disclosures/{disclosureId}/corrections", Set.of("recorder"));
        t.put("POST /api/v1/disclosures/{disclosureId}/destruction-requests", Set.of("recorder"));
        t.put("POST /api/v1/disclosures/{disclosureId}/destruction-certifications", Set.of("recorder"));
        t.put("POST /api/v1/disclosures/{disclosureId}/suspension-lifts", Set.of("recorder"));
        t.put("POST /api/v1/bulk-disclosures", Set.of("recorder"));
        t.put("PUT /api/v1/bulk-disclosures/{disclosureId}/chunks/{chunkNumber}", Set.of("recorder"));
        t.put("POST /api/v1/bulk-disclosures/{disclosureId}/seal", Set.of("recorder"));
        t.put("GET /api/v1/me/history", Set.of("enrollee"));
        t.put("GET /api/v1/me/history/accounting", Set.of("enrollee"));
        t.put("GET /api/v1/me/history/fhir", Set.of("enrollee"));
        t.put("GET /api/v1/me/history/accesses", Set.of("enrollee"));
        t.put("POST /api/v1/me/disclosures/{disclosureId}/disputes", Set.of("enrollee"));
        t.put("GET /api/v1/me/bulk-disclosures/{disclosureId}/membership-proof", Set.of("enrollee"));
        t.put("POST /api/v1/history", Set.of("auditor", "admin"));
        t.put("POST /api/v1/history/accounting", Set.of("auditor", "admin"));
        t.put("POST /api/v1/history/fhir", Set.of("auditor", "admin"));
        t.put("GET /api/v1/agencies", Set.of("auditor", "regulator"));
        t.put("GET /api/v1/agencies/{agencyId}/summary", Set.of("auditor", "regulator"));
        t.put("POST /api/v1/investigations", Set.of("regulator"));
        t.put("GET /api/v1/investigations/{id}", Set.of("regulator"));
        t.put("GET /api/v1/investigations/{id}/progress", Set.of("regulator"));
        t.put("GET /api/v1/investigations/{id}/report", Set.of("regulator"));
        t.put("GET /api/v1/investigations/{id}/bundle", Set.of("regulator"));
        t.put("POST /api/v1/admin/verify", Set.of("admin"));
        t.put("GET /", Set.of(ANYONE));
        t.put("GET /my-disclosures", Set.of(ANYONE));
        t.put("GET /page.css", Set.of(ANYONE));
        t.put("GET /sign-in", Set.of(ANYONE));
        // Open to anyone with the page's CSRF token (the sign-in form); a bare request is refused.
        t.put("POST /sign-in", Set.of(NOBODY_BY_BEARER));
        t.put("POST /my-disclosures/accounting.pdf", Set.of(NOBODY_BY_BEARER));
        t.put("POST /my-disclosures/fhir.json", Set.of(NOBODY_BY_BEARER));
        return t;
    }

    /** Actuator endpoints are served by their own handler mapping; these are the ones exposed. */
    private static final Map<String, Set<String>> OPERATIONS = Map.of(
            "GET /actuator/health", Set.of(ANYONE),
            "GET /actuator/health/readiness", Set.of(ANYONE),
            "GET /actuator/health/liveness", Set.of(ANYONE),
            "GET /actuator/info", Set.of("admin"),
            "GET /actuator/metrics", Set.of("admin"),
            "GET /actuator/metrics/{name}", Set.of("admin"));

    /** The callers: none, and one of each role, each with a scope that covers the made-up objects. */
    private static final Map<String, String> CALLERS = callers();

    private static Map<String, String> callers() {
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("recorder", TestTokens.recorder("CA"));
        callers.put("enrollee", TestTokens.enrollee("CA", "MATRIX0001"));
        callers.put("auditor", TestTokens.auditor("CA"));
        callers.put("regulator", TestTokens.regulator());
        callers.put("admin", TestTokens.admin());
        return callers;
    }

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointTheApplicationServesIsInTheTableAndNothingElseIs() {
        assertThat(served()).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void everyRoleReachesExactlyTheEndpointsTheTableAllowsItAndNoTokenReachesOnlyThePublicOnes() {
        Map<String, Set<String>> all = new LinkedHashMap<>(EXPECTED);
        all.putAll(OPERATIONS);
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Set<String>> endpoint : all.entrySet()) {
            String method = endpoint.getKey().split(" ")[0];
            String path = concrete(endpoint.getKey().split(" ")[1]);
            Set<String> allowed = endpoint.getValue();

            int anonymous = call(new LedgerClient(port), method, path);
            if (allowed.contains(ANYONE)) {
                softly.assertThat(anonymous)
                        .as("%s without a token", endpoint.getKey())
                        .isNotIn(401, 403);
            } else {
                softly.assertThat(anonymous)
                        .as("%s without a token", endpoint.getKey())
                        .isIn(401, 403);
                if (!allowed.contains(NOBODY_BY_BEARER)) {
                    softly.assertThat(anonymous)
                            .as("%s without a token", endpoint.getKey())
                            .isEqualTo(401);
                }
            }
            for (Map.Entry<String, String> caller : CALLERS.entrySet()) {
                int status = call(new LedgerClient(port).as(caller.getValue()), method, path);
                String as = endpoint.getKey() + " as " + caller.getKey();
                if (allowed.contains(ANYONE) || allowed.contains(caller.getKey())) {
                    softly.assertThat(status).as(as).isNotIn(401, 403);
                } else if (allowed.contains(NOBODY_BY_BEARER)) {
                    softly.assertThat(status)
                            .as(as + " (a bearer token does not open a page form)")
                            .isIn(401, 403);
                } else {
                    softly.assertThat(status).as(as).isEqualTo(403);
                }
            }
        }
        softly.assertAll();
    }

    private Set<String> served() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPathPatternsCondition() == null
                    ? Set.of()
                    : info.getPathPatternsCondition().getPatternValues();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : patterns) {
                if (pattern.startsWith("/v3/api-docs")
                        || pattern.startsWith("/swagger-ui")
                        || pattern.equals("/error")) {
                    continue; // springdoc's and Spring Boot's own, public by design (OperationsTest)
                }
                for (RequestMethod method : methods) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    private static String concrete(String pattern) {
        return pattern.replace("{treeSize}", "1")
                        .replace("{index}", "0")
                        .replace("{disclosureId}", "matrix-unknown")
                        .replace("{chunkNumber}", "1")
                        .replace("{agencyId}", "us-dhs-ice")
                        .replace("{id}", "00000000-0000-0000-0000-000000000000")
                        .replace("{name}", "jvm.memory.used")
                + (pattern.endsWith("/proofs/inclusion") ? "?index=0&treeSize=1" : "")
                + (pattern.endsWith("/proofs/consistency") ? "?from=1&to=1" : "");
    }

    private static int call(LedgerClient client, String method, String path) {
        List<String> noBody = new ArrayList<>(List.of("GET", "DELETE"));
        if (noBody.contains(method)) {
            return client.send(method, path, null, null).status();
        }
        if (path.contains("/chunks/")) {
            return client.send(method, path, "application/x-ndjson", new byte[0])
                    .status();
        }
        if (path.startsWith("/my-disclosures") || path.equals("/")) {
            return client.send(method, path, "application/x-www-form-urlencoded", new byte[0])
                    .status();
        }
        return client.send(method, path, "application/json", "{}".getBytes()).status();
    }
}
