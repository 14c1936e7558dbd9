package org.disclosureledger.projections.eventstore;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's serializer for the ledger: JSON through Jackson 2 (which Axon 4 needs, whatever the web layer uses), with
 * the ledger's events stored under their stable names from {@link LedgerEventTypes} rather than Java class names.
 *
 * <p>Anything else Axon stores (tracking tokens, its own internals, aggregate snapshots) keeps Axon's default: the
 * class name and the revision from {@code @Revision}, except that an aggregate's snapshots carry a
 * {@link SnapshotRevision} so that snapshots of an older shape are skipped. Aggregates are serialised field by field,
 * since they keep their state in private fields without accessors; everything else through Jackson's usual rules
 * (records by their components). Times are ISO-8601 text ({@code "2025-06-01T12:00:00Z"}), never numbers.
 */
public class LedgerSerializer extends JacksonSerializer {

    private final LedgerEventTypes eventTypes;

    /**
     * For subclasses; {@link #create} builds the configured instance.
     *
     * @param builder    a Jackson serializer builder whose object mapper is set up as by {@link #objectMapper}
     * @param eventTypes the events stored under stable names
     */
    protected LedgerSerializer(JacksonSerializer.Builder builder, LedgerEventTypes eventTypes) {
        super(builder);
        this.eventTypes = eventTypes;
    }

    /**
     * The ledger's serializer.
     *
     * @param eventTypes the events stored under stable names
     * @param aggregates the aggregate classes whose snapshots this serializer writes
     */
    public static LedgerSerializer create(LedgerEventTypes eventTypes, Collection<Class<?>> aggregates) {
        JacksonSerializer.Builder builder = JacksonSerializer.builder()
                .objectMapper(objectMapper(aggregates))
                .revisionResolver(snapshotRevisions(aggregates));
        return new LedgerSerializer(builder, eventTypes);
    }

    /**
     * A Jackson 2 object mapper as the ledger stores JSON: Java time as ISO-8601 text, and the given aggregates read
     * and written through their fields only.
     */
    public static ObjectMapper objectMapper(Collection<Class<?>> aggregates) {
        JsonMapper mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .build();
        JsonAutoDetect.Value fieldsOnly = JsonAutoDetect.Value.construct(
                Visibility.ANY, Visibility.NONE, Visibility.NONE, Visibility.NONE, Visibility.DEFAULT);
        aggregates.forEach(aggregate -> mapper.configOverride(aggregate).setVisibility(fieldsOnly));
        return mapper;
    }

    @Override
    public SerializedType typeForClass(Class type) {
        Optional<String> name = type == null ? Optional.empty() : eventTypes.nameOf(type);
        return name.<SerializedType>map(n -> new SimpleSerializedType(n, eventTypes.revisionOf(n)))
                .orElseGet(() -> super.typeForClass(type));
    }

    @Override
    public Class classForType(SerializedType type) {
        return eventTypes.classOf(type.getName()).<Class>map(c -> c).orElseGet(() -> super.classForType(type));
    }

    private static RevisionResolver snapshotRevisions(Collection<Class<?>> aggregates) {
        Map<Class<?>, String> revisions =
                aggregates.stream().collect(Collectors.toMap(Function.identity(), SnapshotRevision::of));
        RevisionResolver annotated = new AnnotationRevisionResolver();
        return type -> revisions.containsKey(type) ? revisions.get(type) : annotated.revisionOf(type);
    }
}
