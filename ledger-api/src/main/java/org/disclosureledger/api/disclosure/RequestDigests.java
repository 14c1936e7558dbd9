package org.disclosureledger.api.disclosure;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fingerprints of requests, taken after pseudonymisation so that a digest never rests on a raw identifier: the
 * SHA-256 of a canonical JSON form (properties sorted) of the command's content. Two requests with the same digest
 * are the same request, so a retry can be told from a different request that reuses an id.
 */
final class RequestDigests {

    private static final JsonMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private RequestDigests() {}

    /** The digest of a request of the given kind with the given named parts. */
    static String of(String kind, Object... namesAndParts) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("kind", kind);
        for (int i = 0; i < namesAndParts.length; i += 2) {
            content.put((String) namesAndParts[i], namesAndParts[i + 1]);
        }
        try {
            byte[] canonical = CANONICAL.writeValueAsBytes(content);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
