package org.disclosureledger.projections.investigation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.disclosureledger.projections.eventstore.LedgerSerializer;

/**
 * The JSON a report is hashed over: object keys sorted at every depth, no insignificant whitespace, times as ISO-8601
 * text, absent values as {@code null}. The same value always gives the same bytes.
 */
final class CanonicalJson {

    private static final ObjectMapper MAPPER = LedgerSerializer.objectMapper(List.of());

    private CanonicalJson() {}

    /** The mapper that reads the ledger's stored events and writes reports. */
    static ObjectMapper mapper() {
        return MAPPER;
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(sorted(MAPPER.valueToTree(value)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a report could not be written as JSON", e);
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode result = MAPPER.createObjectNode();
            fields.forEach(f -> result.set(f.getKey(), sorted(f.getValue())));
            return result;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode result = MAPPER.createArrayNode();
            array.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }
}
