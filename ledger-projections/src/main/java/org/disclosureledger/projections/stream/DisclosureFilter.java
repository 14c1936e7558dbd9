package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a watchdog filters a disclosure's messages by, without parsing their data: the disclosing state, the receiving
 * agency, the purpose code and the data categories (sorted, comma-separated), as the disclosure stands after an event.
 */
record DisclosureFilter(String custodianState, String recipientAgency, String purpose, String dataCategories) {

    /**
     * The filter of a disclosure with these details, as the event serializer stores them, read in one pass over their
     * JSON without making a tree of them: every other field is stepped over. A field stored twice counts with its last
     * value, as in a tree.
     *
     * @param details a parser standing on the start of the details' object
     * @throws IllegalStateException if the details lack one of the four, naming which
     */
    static DisclosureFilter read(JsonParser details) throws IOException {
        Found state = Found.MISSING;
        Found agency = Found.MISSING;
        Found code = Found.MISSING;
        Categories categories = Categories.MISSING;
        while (details.nextToken() == JsonToken.FIELD_NAME) {
            String name = details.currentName();
            details.nextToken();
            switch (name) {
                case "custodian" -> state = Found.within(details, "state");
                case "recipient" -> agency = Found.within(details, "agencyId");
                case "purpose" -> code = Found.within(details, "code");
                case "dataCategories" -> categories = Categories.read(details);
                default -> details.skipChildren();
            }
        }
        if (categories.problem() != null) {
            throw new IllegalStateException(categories.problem());
        }
        List<String> names = new ArrayList<>(categories.names());
        names.sort(null);
        return new DisclosureFilter(
                state.text("custodian.state"),
                agency.text("recipient.agencyId"),
                code.text("purpose.code"),
                String.join(",", names));
    }

    /** A text found one object down: missing (or null), something other than text, or the text. */
    private record Found(boolean present, String text) {

        static final Found MISSING = new Found(false, null);
        static final Found NOT_TEXT = new Found(true, null);

        /** The named field of the object the parser stands on; missing if it stands on anything but an object. */
        static Found within(JsonParser parser, String field) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return MISSING;
            }
            Found found = MISSING;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                boolean wanted = field.equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (wanted) {
                    found = switch (value) {
                        case VALUE_NULL -> MISSING;
                        case VALUE_STRING -> new Found(true, parser.getText());
                        default -> NOT_TEXT;
                    };
                }
                parser.skipChildren();
            }
            return found;
        }

        String text(String path) {
            if (!present) {
                throw new IllegalStateException("a disclosure's stored details have no " + path);
            }
            if (text == null) {
                throw new IllegalStateException("a disclosure's stored details have no text at " + path);
            }
            return text;
        }
    }

    /** The data categories' names, or what is wrong with them: missing (or null), not a list, or not all text. */
    private record Categories(List<String> names, String problem) {

        static final Categories MISSING =
                new Categories(List.of(), "a disclosure's stored details have no dataCategories");

        static Categories read(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return MISSING;
            }
            if (token != JsonToken.START_ARRAY) {
                parser.skipChildren();
                return new Categories(List.of(), "a disclosure's stored details have no list of data categories");
            }
            List<String> names = new ArrayList<>();
            boolean allText = true;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == JsonToken.VALUE_STRING) {
                    names.add(parser.getText());
                } else {
                    allText = false;
                    parser.skipChildren();
                }
            }
            return allText
                    ? new Categories(names, null)
                    : new Categories(List.of(), "a disclosure's stored data categories are not all text");
        }
    }
}
