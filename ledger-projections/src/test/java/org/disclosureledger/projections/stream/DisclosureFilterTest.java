package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DisclosureFilterTest {

    private static final String DETAILS = """
            {"custodian":{"state":"TX","name":"Texas HHSC"},"recipient":{"agencyId":"ice","name":"ICE"},
             "legalAuthority":{"citation":"8 U.S.C. 1373","notes":[{"state":"not this"}]},
             "purpose":{"code":"enforcement","text":"—"},"dataCategories":["ssn","address","name"]}""";

    @Test
    void givenStoredDetails_whenRead_thenTheFourAttributesWithTheCategoriesSorted() throws IOException {
        assertThat(read(DETAILS)).isEqualTo(new DisclosureFilter("TX", "ice", "enforcement", "address,name,ssn"));
    }

    @Test
    void givenAFieldStoredTwice_whenRead_thenItsLastValueCounts() throws IOException {
        String twice = DETAILS.replace(
                "\"purpose\":{\"code\":\"enforcement\"",
                "\"custodian\":{\"state\":\"CA\"},\"purpose\":{\"code\":\"enforcement\",\"code\":\"audit\"");

        assertThat(read(twice)).isEqualTo(new DisclosureFilter("CA", "ice", "audit", "address,name,ssn"));
    }

    @Test
    void givenDetailsMissingOrMisshapingAnAttribute_whenRead_thenRefusedNamingIt() {
        String noState = "a disclosure's stored details have no custodian.state";
        String custodian = "{\"state\":\"TX\",\"name\":\"Texas HHSC\"}";
        String categories = ",\"dataCategories\":[\"ssn\",\"address\",\"name\"]";
        Map<String, String> refusals = Map.ofEntries(
                Map.entry(DETAILS.replace("{\"state\":\"TX\",", "{"), noState),
                Map.entry(DETAILS.replace("\"state\":\"TX\"", "\"state\":null"), noState),
                Map.entry(DETAILS.replace(custodian, "null"), noState),
                Map.entry(DETAILS.replace(custodian, "[\"TX\"]"), noState),
                Map.entry(DETAILS.replace(custodian, "\"TX\""), noState),
                // A second custodian replaces the first, as in a tree.
                Map.entry(DETAILS.replace("\"purpose\":", "\"custodian\":{\"name\":\"later\"},\"purpose\":"), noState),
                Map.entry(
                        DETAILS.replace("\"recipient\":{\"agencyId\":\"ice\",\"name\":\"ICE\"},", ""),
                        "a disclosure's stored details have no recipient.agencyId"),
                Map.entry(
                        DETAILS.replace("\"agencyId\":\"ice\"", "\"agencyId\":{\"id\":\"ice\"}"),
                        "a disclosure's stored details have no text at recipient.agencyId"),
                Map.entry(
                        DETAILS.replace("\"code\":\"enforcement\"", "\"code\":7"),
                        "a disclosure's stored details have no text at purpose.code"),
                Map.entry(DETAILS.replace(categories, ""), "a disclosure's stored details have no dataCategories"),
                Map.entry(
                        DETAILS.replace("[\"ssn\",\"address\",\"name\"]", "null"),
                        "a disclosure's stored details have no dataCategories"),
                Map.entry(
                        DETAILS.replace("[\"ssn\",\"address\",\"name\"]", "\"ssn\""),
                        "a disclosure's stored details have no list of data categories"),
                Map.entry(
                        DETAILS.replace("[\"ssn\",\"address\",\"name\"]", "[\"ssn\",[\"address\"]]"),
                        "a disclosure's stored data categories are not all text"),
                // Two faults at once: the categories are checked first, as before.
                Map.entry(
                        DETAILS.replace(categories, "").replace(custodian, "null"),
                        "a disclosure's stored details have no dataCategories"));
        refusals.forEach((details, refusal) -> assertThatThrownBy(() -> read(details))
                .as(details)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(refusal));
    }

    private static DisclosureFilter read(String details) throws IOException {
        try (JsonParser parser = new JsonFactory().createParser(details)) {
            parser.nextToken();
            return DisclosureFilter.read(parser);
        }
    }
}
