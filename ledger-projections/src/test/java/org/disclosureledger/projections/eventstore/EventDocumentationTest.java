package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.serialization.SimpleSerializedObject;
import org.disclosureledger.core.access.HistoryAccess;
import org.disclosureledger.core.disclosure.Disclosure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** docs/events.md documents exactly the registered events, every field of each, and real serializer output. */
class EventDocumentationTest {

    private static final Path EVENTS_MD = Path.of("..", "docs", "events.md");
    private static final Pattern EXAMPLE = Pattern.compile("```json\\n(.*?)\\n```", Pattern.DOTALL);

    private final LedgerEventTypes registry = LedgerEventTypes.standard();
    private final LedgerSerializer serializer = LedgerSerializer.create(registry, List.of(Disclosure.class));
    private final ObjectMapper json = new ObjectMapper();

    static Stream<String> registeredNames() {
        return LedgerEventTypes.standard().names().stream();
    }

    @Test
    void givenRegistry_whenComparedWithEventsMd_thenTheSameEventsInTheSameOrder() throws IOException {
        assertThat(documentedEvents().keySet()).containsExactlyElementsOf(registry.names());
    }

    @Test
    void givenTheAggregates_whenTheirEventSourcingHandlersListed_thenEveryEventTypeIsRegistered() {
        List<Class<?>> sourcedFrom = Stream.of(Disclosure.class, HistoryAccess.class)
                .flatMap(aggregate -> Arrays.stream(aggregate.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(EventSourcingHandler.class))
                .map(m -> m.getParameterTypes()[0])
                .toList();

        assertThat(sourcedFrom)
                .containsExactlyInAnyOrderElementsOf(registry.asMap().values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredNames")
    void givenDocumentedEvent_whenSectionRead_thenItStatesNameRevisionAndEveryField(String name) throws IOException {
        String section = documentedEvents().get(name);

        assertThat(section).contains("Type name `" + name + "`, revision `" + registry.revisionOf(name) + "`");
        for (RecordComponent component : registry.classOf(name).orElseThrow().getRecordComponents()) {
            assertThat(section)
                    .as("field %s of %s", component.getName(), name)
                    .containsPattern("\\n\\| `" + component.getName() + "` \\| [^|]+ \\| [^|]+ \\|");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registeredNames")
    void givenDocumentedExample_whenComparedWithSerializer_thenExactlyWhatItWrites(String name) throws IOException {
        Matcher example = EXAMPLE.matcher(documentedEvents().get(name));
        assertThat(example.find()).as("an example payload for %s", name).isTrue();
        JsonNode documented = json.readTree(example.group(1));

        Object event = serializer.deserialize(
                new SimpleSerializedObject<>(example.group(1), String.class, name, registry.revisionOf(name)));
        JsonNode written =
                json.readTree(serializer.serialize(event, String.class).getData());

        assertThat(event).isEqualTo(Examples.eventsByName().get(name));
        assertThat(fieldOrder(written)).isEqualTo(fieldOrder(documented));
        assertThat(written).isEqualTo(documented);
    }

    /** Sections under "## Events", by their "### Name" heading, in document order. */
    private static Map<String, String> documentedEvents() throws IOException {
        String markdown = Files.readString(EVENTS_MD);
        int start = markdown.indexOf("\n## Events\n");
        assertThat(start).as("docs/events.md has an '## Events' section").isNotNegative();
        int end = markdown.indexOf("\n## ", start + 1);
        String events = markdown.substring(start, end < 0 ? markdown.length() : end);
        Map<String, String> sections = new LinkedHashMap<>();
        String[] parts = events.split("\\n### ");
        for (int i = 1; i < parts.length; i++) {
            String heading = parts[i].substring(0, parts[i].indexOf('\n')).trim();
            sections.put(heading, parts[i]);
        }
        return sections;
    }

    private static List<String> fieldOrder(JsonNode node) {
        return node.properties().stream().map(Map.Entry::getKey).toList();
    }
}
