package org.disclosureledger.projections.stream;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.disclosureledger.core.stream.StreamKind;

/** The JSON Schemas of the stream's message data (ledger-core's {@code schemas/stream}), ready to validate with. */
final class StreamSchemas {

    private static final SchemaRegistry REGISTRY =
            SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<StreamKind, Schema> SCHEMAS = new EnumMap<>(StreamKind.class);

    private StreamSchemas() {}

    /** The problems the kind's schema finds in a message's data (JSON text); empty when it is valid. */
    static synchronized List<String> problems(StreamKind kind, String dataJson) {
        Schema schema = SCHEMAS.computeIfAbsent(kind, StreamSchemas::load);
        return schema.validate(dataJson, InputFormat.JSON).stream()
                .map(Error::toString)
                .toList();
    }

    private static Schema load(StreamKind kind) {
        try (InputStream in = StreamKind.class.getResourceAsStream(kind.schemaResource())) {
            if (in == null) {
                throw new IllegalStateException("no schema at " + kind.schemaResource());
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
