package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.SoftAssertions;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role x endpoint matrix's other half: every endpoint a scoped role reaches (a recorder's custodian states, an
 * auditor's states, an enrollee's own person), called about California's real objects, once by a caller whose scope
 * covers them and once by one whose scope does not (New York's recorder and auditor, another enrollee). In scope, it
 * is let through; out of scope, it is refused and writes nothing. Every endpoint the application serves is classed
 * here as scoped, as naming no one but the caller, or as unscoped, so a new endpoint cannot go unexamined.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityScopeMatrixTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    private static final String OWNER = "SCOPE0001";

    /** A request about California's objects: method, concrete path, content type and body. */
    record Request(String method, String path, String contentType, String body) {}

    /** Who the out-of-scope caller is for a role, and the in-scope one. */
    private static final Map<String, String[]> CALLERS = Map.of(
            "recorder", new String[] {TestTokens.recorder("NY"), TestTokens.recorder("CA")},
            "auditor", new String[] {TestTokens.auditor("NY"), TestTokens.auditor("CA")},
            "enrollee", new String[] {TestTokens.enrollee("CA", "SCOPE0002"), TestTokens.enrollee("CA", OWNER)});

    /** Endpoints of enrollees that name nobody but the caller: no other person's object can be asked for. */
    private static final Set<String> SELF_ONLY = Set.of(
            "GET /api/v1/me/history",
            "GET /api/v1/me/history/accounting",
            "GET /api/v1/me/history/fhir",
            "GET /api/v1/me/history/accesses",
            "GET /api/v1/me/bulk-disclosures/{disclosureId}/membership-proof");

    /** Endpoints no scope applies to: public, the page, regulators' and admins' (who see every state). */
    private static final Set<String> UNSCOPED = Set.of(
            "GET /api/v1/ledger/checkpoint",
            "GET /api/v1/ledger/checkpoints/{treeSize}",
            "GET /api/v1/ledger/public-key",
            "GET /api/v1/ledger/proofs/inclusion",
            "GET /api/v1/ledger/proofs/consistency",
            "POST /api/v1/investigations",
            "GET /api/v1/investigations/{id}",
            "GET /api/v1/investigations/{id}/progress",
            "GET /api/v1/investigations/{id}/report",
            "GET /api/v1/investigations/{id}/bundle",
            "POST /api/v1/admin/verify",
            "GET /",
            "GET /my-disclosures",
            "GET /page.css",
            "GET /sign-in",
            "POST /sign-in",
            "POST /my-disclosures/accounting.pdf",
            "POST /my-disclosures/fhir.json");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final AtomicInteger fresh = new AtomicInteger();
    private long entry;

    @BeforeAll
    void recordCaliforniasObjects() throws InterruptedException {
        LedgerClient recorder = new LedgerClient(port).as(TestTokens.recorder("CA"));
        assertThat(recorder.postJson("/api/v1/disclosures", Examples.disclosure("scope-ca", OWNER))
                        .status())
                .isEqualTo(201);
        assertThat(recorder.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure("scope-bulk"))
                        .status())
                .isEqualTo(201);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        Long index = null;
        while (index == null && Instant.now().isBefore(deadline)) {
            index = jdbc
                    .query(
                            "select l.ledger_index from ledger_entry l join domain_event_entry e"
                                    + " on e.event_identifier = l.event_identifier"
                                    + " where e.aggregate_identifier = 'scope-ca' and e.sequence_number = 0",
                            (rs, n) -> rs.getLong(1))
                    .stream()
                    .findFirst()
                    .orElse(null);
            Thread.sleep(100);
        }
        assertThat(index).as("sequenced within 30 s").isNotNull();
        entry = index;
    }

    /** For each scoped endpoint, the roles whose scope it checks, and a request about California's objects. */
    private Map<String, Map<String, Request>> scoped() {
        String caDisclosure = json(Examples.disclosure("scope-new-" + fresh.incrementAndGet(), OWNER));
        String caBulk = json(Examples.bulkDisclosure("scope-bulk-new-" + fresh.incrementAndGet()));
        String person = json(map("state", "CA", "medicaidId", OWNER, "purpose", "Audit 2025-9"));
        Map<String, Map<String, Request>> t = new LinkedHashMap<>();
        Request entryRequest = get("/api/v1/ledger/entries/" + entry);
        t.put("GET /api/v1/ledger/entries/{index}", Map.of("enrollee", entryRequest, "auditor", entryRequest));
        t.put("POST /api/v1/disclosures", Map.of("recorder", post("/api/v1/disclosures", caDisclosure)));
        Request status = get("/api/v1/disclosures/scope-ca");
        t.put("GET /api/v1/disclosures/{disclosureId}", Map.of("recorder", status, "auditor", status));
        for (String followOn :
                new String[] {"corrections", "destruction-requests", "destruction-certifications", "suspension-lifts"
                }) {
            t.put(
                    "POST /api/v1/disclosures/{disclosureId}/" + followOn,
                    Map.of("recorder", post("/api/v1/disclosures/scope-ca/" + followOn, "{}")));
        }
        t.put("POST /api/v1/bulk-disclosures", Map.of("recorder", post("/api/v1/bulk-disclosures", caBulk)));
        t.put(
                "PUT /api/v1/bulk-disclosures/{disclosureId}/chunks/{chunkNumber}",
                Map.of(
                        "recorder",
                        new Request(
                                "PUT", "/api/v1/bulk-disclosures/scope-bulk/chunks/1", "application/x-ndjson", "")));
        t.put(
                "POST /api/v1/bulk-disclosures/{disclosureId}/seal",
                Map.of("recorder", post("/api/v1/bulk-disclosures/scope-bulk/seal", "{}")));
        t.put(
                "POST /api/v1/me/disclosures/{disclosureId}/disputes",
                Map.of(
                        "enrollee",
                        post(
                                "/api/v1/me/disclosures/scope-ca/disputes",
                                json(map("disputeId", "d-" + fresh.incrementAndGet(), "statement", "Not agreed")))));
        t.put("POST /api/v1/history", Map.of("auditor", post("/api/v1/history", person)));
        t.put("POST /api/v1/history/accounting", Map.of("auditor", post("/api/v1/history/accounting", person)));
        t.put("POST /api/v1/history/fhir", Map.of("auditor", post("/api/v1/history/fhir", person)));
        t.put("GET /api/v1/agencies", Map.of("auditor", get("/api/v1/agencies?state=CA")));
        t.put(
                "GET /api/v1/agencies/{agencyId}/summary",
                Map.of("auditor", get("/api/v1/agencies/us-dhs-ice/summary?state=CA")));
        return t;
    }

    @Test
    void everyServedEndpointIsScopedSelfOnlyOrUnscoped() {
        Set<String> classed = new TreeSet<>(scoped().keySet());
        classed.addAll(SELF_ONLY);
        classed.addAll(UNSCOPED);

        assertThat(served()).containsExactlyInAnyOrderElementsOf(classed);
    }

    @Test
    void outOfScopeCallersAreRefusedAndWriteNothing_inScopeCallersGetThrough() {
        SoftAssertions softly = new SoftAssertions();
        for (Map.Entry<String, Map<String, Request>> endpoint : scoped().entrySet()) {
            for (Map.Entry<String, Request> role : endpoint.getValue().entrySet()) {
                String[] callers = CALLERS.get(role.getKey());
                Request request = role.getValue();
                long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
                LedgerClient.Response outside = send(callers[0], request);
                long after = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
                String as = endpoint.getKey() + " about California's objects, as a " + role.getKey() + " outside";
                // A dispute in another person's name is refused by the disclosure itself: they are not its subject.
                softly.assertThat(outside.status())
                        .as(as + ": " + outside.body())
                        .isEqualTo(endpoint.getKey().endsWith("/disputes") ? 422 : 403);
                softly.assertThat(after).as(as + ": events written").isEqualTo(events);
                LedgerClient.Response inside = send(callers[1], request);
                softly.assertThat(inside.status())
                        .as(endpoint.getKey() + " as a " + role.getKey() + " in scope: " + inside.body())
                        .isNotIn(401, 403);
            }
        }
        softly.assertAll();
    }

    private LedgerClient.Response send(String token, Request request) {
        LedgerClient client = new LedgerClient(port).as(token);
        return client.send(
                request.method(),
                request.path(),
                request.contentType(),
                request.body() == null ? null : request.body().getBytes());
    }

    private Set<String> served() {
        Set<String> endpoints = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            if (info.getPathPatternsCondition() == null) {
                continue;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/v3/api-docs")
                        || pattern.startsWith("/swagger-ui")
                        || pattern.equals("/error")) {
                    continue;
                }
                info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(m.name() + " " + pattern));
            }
        }
        return endpoints;
    }

    private static Request get(String path) {
        return new Request("GET", path, null, null);
    }

    private static Request post(String path, String json) {
        return new Request("POST", path, "application/json", json);
    }

    private static String json(Object body) {
        return new String(LedgerClient.json(body));
    }
}
