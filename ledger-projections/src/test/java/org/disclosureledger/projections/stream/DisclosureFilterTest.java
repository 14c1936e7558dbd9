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
        Map<String, String> refusals = Map.of(
                DETAILS.replace("{\"state\":\"TX\",", "{"), "a disclosure's stored details have no custodian.state",
                DETAILS.replace("\"state\":\"TX\"", "\"state\":null"),
                        "a disclosure's stored details have no custodian.state",
                DETAILS.replace("{\"state\":\"TX\",\"name\":\"Texas HHSC\"}", "null"),
                        "a disclosure's stored details have no custodian.state",
                DETAILS.replace("{\"state\":\"TX\",\"name\":\"Texas HHSC\"}", "[\"TX\"]"),
                        "a disclosure's stored details have no custodian.state",
                DETAILS.replace("\"agencyId\":\"ice\"", "\"agencyId\":{\"id\":\"ice\"}"),
                        "a disclosure's stored details have no text at recipient.agencyId",
                DETAILS.replace("\"code\":\"enforcement\"", "\"code\":7"),
                        "a disclosure's stored details have no text at purpose.code",
                DETAILS.replace("[\"ssn\",\"address\",\"name\"]", "null"),
                        "a disclosure's stored details have no dataCategories",
                DETAILS.replace("[\"ssn\",\"address\",\"name\"]", "\"ssn\""),
                        "a disclosure's stored details have no list of data categories",
                DETAILS.replace("[\"ssn\",\"address\",\"name\"]", "[\"ssn\",[\"address\"]]"),
                        "a disclosure's stored data categories are not all text");
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
