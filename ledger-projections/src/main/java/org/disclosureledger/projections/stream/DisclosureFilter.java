package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What a watchdog filters a disclosure's messages by, without parsing their data: the disclosing state, the receiving
 * agency, the purpose code and the data categories (sorted, comma-separated), as the disclosure stands after an event.
 */
record DisclosureFilter(String custodianState, String recipientAgency, String purpose, String dataCategories) {

    /**
     * The filter of a disclosure with these details, as the event serializer stores them.
     *
     * @throws IllegalStateException if the details lack one of the four, naming which
     */
    static DisclosureFilter of(JsonNode details) {
        JsonNode categories = at(details, "dataCategories");
        if (!categories.isArray()) {
            throw new IllegalStateException("a disclosure's stored details have no list of data categories");
        }
        List<String> names = new ArrayList<>(categories.size());
        for (JsonNode category : categories) {
            if (!category.isTextual()) {
                throw new IllegalStateException("a disclosure's stored data categories are not all text");
            }
            names.add(category.asText());
        }
        names.sort(null);
        return new DisclosureFilter(
                text(details, "custodian", "state"),
                text(details, "recipient", "agencyId"),
                text(details, "purpose", "code"),
                String.join(",", names));
    }

    private static String text(JsonNode details, String... path) {
        JsonNode node = at(details, path);
        if (!node.isTextual()) {
            throw new IllegalStateException("a disclosure's stored details have no text at " + String.join(".", path));
        }
        return node.asText();
    }

    private static JsonNode at(JsonNode details, String... path) {
        JsonNode node = details;
        for (String step : path) {
            node = node.get(step);
            if (node == null || node.isNull()) {
                throw new IllegalStateException("a disclosure's stored details have no " + String.join(".", path));
            }
        }
        return node;
    }
}
