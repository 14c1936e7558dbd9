package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tokens the ledger must not accept, each sent to record a disclosure a valid recorder's token would record: every one
 * is a 401 problem with a Bearer challenge, the body never repeats the token, and nothing is written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BearerTokenTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    static List<Arguments> refusedTokens() {
        return List.of(
                Arguments.of("no token", null),
                Arguments.of("expired", TestTokens.expired()),
                Arguments.of("signed with another key (forged)", TestTokens.forged()),
                Arguments.of("for another audience", TestTokens.wrongAudience()),
                Arguments.of("from another issuer", TestTokens.wrongIssuer()),
                Arguments.of("of another type (a logout token)", TestTokens.ofType("logout+jwt")),
                Arguments.of("not a JWT", "not-a-token"),
                Arguments.of(
                        "an enrollee token without a Medicaid id",
                        TestTokens.token("someone", Map.of("roles", List.of("enrollee"), "medicaid_state", "CA"))),
                Arguments.of(
                        "an enrollee token that is also a recorder",
                        TestTokens.token(
                                "someone",
                                Map.of(
                                        "roles",
                                        List.of("enrollee", "recorder"),
                                        "medicaid_state",
                                        "CA",
                                        "medicaid_id",
                                        "TOKEN0001"))),
                Arguments.of(
                        "a malformed state in the scope",
                        TestTokens.token("someone", Map.of("roles", List.of("recorder"), "states", List.of("C4")))),
                Arguments.of("no subject", TestTokens.token("", Map.of("roles", List.of("recorder")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aRefusedTokenIsA401ProblemAndWritesNothing(String name, String token) {
        long before = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        LedgerClient client = token == null ? new LedgerClient(port) : new LedgerClient(port).as(token);

        LedgerClient.Response response =
                client.postJson("/api/v1/disclosures", Examples.disclosure("token-" + name.hashCode(), "TOKEN0001"));

        assertThat(response.status()).as(response.body()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("urn:disclosure-ledger:problem:unauthenticated");
        if (token != null) {
            assertThat(response.body()).doesNotContain(token);
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isEqualTo(before);
    }

    /** The types a bearer token's header may name: none, a plain JWT, or an OAuth access token (RFC 9068). */
    @ParameterizedTest(name = "typ {0}")
    @ValueSource(strings = {"JWT", "at+jwt", "application/at+jwt"})
    void aTokenOfAnAcceptedTypeRecords(String type) {
        LedgerClient client = new LedgerClient(port).as(TestTokens.ofType(type));

        LedgerClient.Response response = client.postJson(
                "/api/v1/disclosures", Examples.disclosure("token-type-" + type.hashCode(), "TOKEN0001"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedTokens")
    void aRefusedTokenGetsABearerChallenge(String name, String token) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/agencies"))
                .GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
    }
}
