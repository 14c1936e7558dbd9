package org.disclosureledger.api.disclosure;

import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The formats a chunk of bulk subjects may come in, told apart by the request's {@code Content-Type} (its parameters,
 * such as a charset, ignored: the body is read as UTF-8, which also reads ASCII, all a valid line holds).
 */
public enum ChunkFormat {
    /** One JSON object per line: {@code {"state":"CA","medicaidId":"..."}}. */
    NDJSON(ChunkFormat.NDJSON_TYPE),
    /** One {@code state,medicaidId} or {@code state,medicaidId,ssn} line per subject ({@link CsvSubjectLine}). */
    CSV(ChunkFormat.CSV_TYPE);

    public static final String NDJSON_TYPE = "application/x-ndjson";
    public static final String CSV_TYPE = "text/csv";

    private final MediaType type;

    ChunkFormat(String type) {
        this.type = MediaType.parseMediaType(type);
    }

    /** The format a request's {@code Content-Type} names, if it names one of them. */
    public static Optional<ChunkFormat> of(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        MediaType given;
        try {
            given = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            return Optional.empty();
        }
        for (ChunkFormat format : values()) {
            if (format.type.equalsTypeAndSubtype(given)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
