package org.disclosureledger.core.rulebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad rulebook file is refused with one line naming the place (a JSON pointer) and the problem; a good
 * one loads.
 */
class RulebookLoadingTest {

    static final String GOOD = """
            {
              "name": "test-rules",
              "versions": [
                {
                  "version": "1",
                  "effectiveFrom": "2025-01-01",
                  "permittedPurposes": {
                    "id": "purposes",
                    "citation": "42 CFR 431.302",
                    "purposes": ["OPERATIONS", "PAYMENT"],
                    "severity": "CONCERN",
                    "explanation": "plan administration only"
                  },
                  "courtOrders": [
                    {
                      "id": "order-a",
                      "court": "Court",
                      "case": "A v. B",
                      "title": "Order A",
                      "effectiveFrom": "2025-03-01",
                      "effectiveUntil": "2025-06-30",
                      "scope": {"recipients": ["us-dhs-ice"], "custodianStates": ["CA"]},
                      "barredCategories": ["SSN"],
                      "severity": "VIOLATION"
                    }
                  ],
                  "agreements": [
                    {
                      "id": "agreement-a",
                      "title": "Agreement A",
                      "recipient": "us-dhs-ice",
                      "accessFrom": "2025-01-01",
                      "accessUntil": "2025-12-31",
                      "downloadAllowed": false,
                      "permittedCategories": ["NAME", "ADDRESS"],
                      "severity": "CONCERN"
                    }
                  ]
                },
                {
                  "version": "2",
                  "effectiveFrom": "2025-07-01",
                  "permittedPurposes": {
                    "id": "purposes",
                    "citation": "42 CFR 431.302",
                    "purposes": ["OPERATIONS"],
                    "severity": "CONCERN",
                    "explanation": "plan administration only"
                  },
                  "courtOrders": [],
                  "agreements": []
                }
              ]
            }
            """;

    static Stream<Arguments> badFiles() {
        return Stream.of(
                bad("not JSON", "{\"name\": ", "rulebook: not valid JSON at line 1"),
                bad("empty", "", "rulebook: the file is empty"),
                bad(
                        "a duplicate key",
                        GOOD.replace("\"name\": \"test-rules\",", "\"name\": \"test-rules\", \"name\": \"x\","),
                        "rulebook: not valid JSON at line 2"),
                bad("no versions", GOOD.replaceFirst("\"versions\"", "\"editions\""), "rulebook /: "),
                bad(
                        "an unknown member",
                        GOOD.replace("\"title\": \"Order A\",", "\"title\": \"Order A\", \"judge\": \"X\","),
                        "rulebook /versions/0/courtOrders/0: "),
                bad(
                        "a severity that does not exist",
                        GOOD.replace("\"severity\": \"VIOLATION\"", "\"severity\": \"FATAL\""),
                        "rulebook /versions/0/courtOrders/0/severity: "),
                bad(
                        "a date that is not a date",
                        GOOD.replace("\"2025-06-30\"", "\"2025-06-31\""),
                        "rulebook /versions/0/courtOrders/0/effectiveUntil: '2025-06-31' is not a calendar date"),
                bad(
                        "a date in another format",
                        GOOD.replace("\"2025-06-30\"", "\"30/06/2025\""),
                        "rulebook /versions/0/courtOrders/0/effectiveUntil: "),
                bad(
                        "an unknown category",
                        GOOD.replace("[\"SSN\"]", "[\"GENOME\"]"),
                        "rulebook /versions/0/courtOrders/0/barredCategories/0: 'GENOME' is not a known data category"),
                bad(
                        "an unknown purpose",
                        GOOD.replace("[\"OPERATIONS\", \"PAYMENT\"]", "[\"OPERATIONS\", \"CURIOSITY\"]"),
                        "rulebook /versions/0/permittedPurposes/purposes/1: 'CURIOSITY' is not a known purpose"),
                bad(
                        "an unknown state",
                        GOOD.replace("[\"CA\"]", "[\"XX\"]"),
                        "rulebook /versions/0/courtOrders/0/scope/custodianStates/0: 'XX' is not the USPS code"),
                bad(
                        "a malformed agency id",
                        GOOD.replace("\"recipient\": \"us-dhs-ice\"", "\"recipient\": \"US DHS\""),
                        "rulebook /versions/0/agreements/0/recipient: 'US DHS' is not an agency id"),
                bad(
                        "an order that ends before it starts",
                        GOOD.replace("\"2025-06-30\"", "\"2025-02-28\""),
                        "rulebook /versions/0/courtOrders/0/effectiveUntil: effectiveUntil 2025-02-28 ends before"
                                + " effectiveFrom 2025-03-01"),
                bad(
                        "an agreement that ends before it starts",
                        GOOD.replace("\"2025-12-31\"", "\"2024-12-31\""),
                        "rulebook /versions/0/agreements/0/accessUntil: accessUntil 2024-12-31 ends before"),
                bad(
                        "a rule id used twice",
                        GOOD.replace("\"id\": \"agreement-a\"", "\"id\": \"order-a\""),
                        "rulebook /versions/0/agreements/0/id: rule id 'order-a' is used twice in this version"),
                bad(
                        "versions out of order",
                        GOOD.replace("\"2025-07-01\"", "\"2024-07-01\""),
                        "rulebook /versions/1/effectiveFrom: versions must come in the order they came into force"),
                bad(
                        "a version named twice",
                        GOOD.replace("\"version\": \"2\"", "\"version\": \"1\""),
                        "rulebook /versions/1/version: version '1' appears twice"),
                bad(
                        "an order that both bars and allows categories",
                        GOOD.replace(
                                "\"barredCategories\": [\"SSN\"]",
                                "\"barredCategories\": [\"SSN\"]," + " \"allowedCategories\": [\"NAME\"]"),
                        "rulebook /versions/0/courtOrders/0: an order has either barredCategories or"
                                + " allowedCategories, not both"),
                bad(
                        "an order that bars nothing",
                        GOOD.replace("\"barredCategories\": [\"SSN\"],", ""),
                        "rulebook /versions/0/courtOrders/0: an order needs barredCategories, allowedCategories"));
    }

    private static Arguments bad(String kind, String file, String messageStart) {
        return Arguments.of(kind, file, messageStart);
    }

    @ParameterizedTest(name = "a file with {0} is refused")
    @MethodSource("badFiles")
    void aBadFileIsRefusedWithOneLineNamingThePlaceAndTheProblem(String kind, String file, String messageStart) {
        assertThatThrownBy(() -> load(file))
                .isInstanceOf(InvalidRulebook.class)
                .hasMessageStartingWith(messageStart)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aGoodFileLoadsWithItsVersionsInOrder() {
        RulebookLibrary library = load(GOOD);

        assertThat(library.name()).isEqualTo("test-rules");
        assertThat(library.versions()).extracting(Rulebook::version).containsExactly("1", "2");
        assertThat(library.version("2").orElseThrow().effectiveFrom()).isEqualTo(Instant.parse("2025-07-01T00:00:00Z"));
        assertThat(library.version("3")).isEmpty();
        assertThat(library.inForceAt(Instant.parse("2025-06-30T23:59:59Z"))
                        .orElseThrow()
                        .version())
                .isEqualTo("1");
    }

    @Test
    void theHashDependsOnTheContentNotOnTheOrderOfMembersOrWhitespace() {
        String reordered = GOOD.replace(
                        "\"version\": \"1\",\n      \"effectiveFrom\": \"2025-01-01\",",
                        "\"effectiveFrom\": \"2025-01-01\", \"version\": \"1\",")
                .replace("\n", " ");
        String changed = GOOD.replace("[\"SSN\"]", "[\"SSN\", \"DIAGNOSES\"]");

        Rulebook original = load(GOOD).version("1").orElseThrow();
        assertThat(load(reordered).version("1").orElseThrow().sha256()).isEqualTo(original.sha256());
        assertThat(load(changed).version("1").orElseThrow().sha256()).isNotEqualTo(original.sha256());
        assertThat(new String(original.canonicalJson(), StandardCharsets.UTF_8))
                .startsWith("{\"name\":\"test-rules\",\"version\":{\"agreements\":[");
    }

    @Test
    void noFileAtAllIsRefused() {
        assertThatThrownBy(() -> RulebookLibrary.load(null))
                .isInstanceOf(InvalidRulebook.class)
                .hasMessage("rulebook: no file to read");
    }

    static RulebookLibrary load(String text) {
        return RulebookLibrary.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
