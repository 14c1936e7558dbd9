package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.RecordHistoryAccess;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A read recorded through Axon between two disclosures reaches a real Kafka broker as a {@code history-accessed}
 * message at its ledger entry, naming no person, and counts as published: the checkpoint that covers it and the
 * disclosures around it still reaches the checkpoint topic.
 */
@SpringBootTest(classes = StreamTestApplication.class)
@DirtiesContext
class AccessStreamTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = StreamTestApplication.register(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Checkpointer checkpointer;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAReadBetweenTwoDisclosures_whenPublished_thenItsMessageNamesNoPersonAndTheCoveringCheckpointFollows()
            throws Exception {
        StreamCommands.record(commands, "access-before");
        PersonRef person = StreamExamples.person("access-before");
        commands.sendAndWait(new RecordHistoryAccess(
                new AccessId("access-read-1"),
                person,
                new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
                AccessedRecord.HISTORY,
                new StatedPurpose("Complaint 2025-118 from the enrollee"),
                Instant.parse("2025-07-01T11:00:00Z")));
        StreamCommands.record(commands, "access-after");
        long covering = awaitSignedCheckpoint();
        Map<String, Object> entry = jdbc.queryForMap("""
                select d.event_identifier, e.ledger_index, e.leaf_hash
                from domain_event_entry d join ledger_entry e on e.event_identifier = d.event_identifier
                where d.aggregate_identifier = 'access-read-1'""");

        List<ConsumerRecord<String, byte[]>> records =
                readDisclosures(Set.of("access-before", "access-read-1", "access-after"), 3);

        ConsumerRecord<String, byte[]> read = records.stream()
                .filter(r -> r.key().equals("access-read-1"))
                .findFirst()
                .orElseThrow();
        CloudEvent event = read(read);
        assertThat(event.getType()).isEqualTo(StreamKind.HISTORY_ACCESSED.type());
        assertThat(event.getId()).isEqualTo(entry.get("event_identifier"));
        assertThat(event.getSubject()).isEqualTo("access-read-1");
        assertThat(event.getExtension(StreamAttributes.LEDGER_INDEX))
                .hasToString(entry.get("ledger_index").toString());
        assertThat(event.getExtension(StreamAttributes.LEAF_HASH))
                .isEqualTo(HexFormat.of().formatHex((byte[]) entry.get("leaf_hash")));
        assertThat(event.getExtension(StreamAttributes.CUSTODIAN_STATE)).isNull();
        assertThat(event.getExtension(StreamAttributes.RECIPIENT_AGENCY)).isNull();
        assertThat(StreamSchemas.problems(
                        StreamKind.HISTORY_ACCESSED,
                        json.readTree(read.value()).get("data").toString()))
                .isEmpty();
        String raw = new String(read.value(), StandardCharsets.UTF_8);
        assertThat(raw)
                .contains("auditor-ca@example.gov", "Complaint 2025-118 from the enrollee")
                .doesNotContain(person.value());
        read.headers()
                .forEach(header -> assertThat(new String(header.value(), StandardCharsets.UTF_8))
                        .doesNotContain(person.value()));
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.checkpoints())) {
            reader.readUntil(
                    rs -> rs.stream().anyMatch(r -> read(r).getId().equals("checkpoint-" + covering)), PATIENCE);
        }
        assertThat(jdbc.queryForObject("select published_entries from stream_relay where id = 1", Long.class))
                .as("the read counts among the entries on the disclosures topic")
                .isGreaterThanOrEqualTo(covering);
    }

    private long awaitSignedCheckpoint() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> jdbc.queryForObject("select count(*) from ledger_entry", Long.class) == events);
        checkpointer.signNow();
        return jdbc.queryForObject("select max(tree_size) from ledger_checkpoint", Long.class);
    }

    private List<ConsumerRecord<String, byte[]>> readDisclosures(Set<String> keys, int expectedEvents) {
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.disclosures())) {
            return reader
                    .readUntil(
                            rs -> rs.stream()
                                            .filter(r -> keys.contains(r.key()))
                                            .map(r -> read(r).getId())
                                            .distinct()
                                            .count()
                                    >= expectedEvents,
                            PATIENCE)
                    .stream()
                    .filter(r -> keys.contains(r.key()))
                    .toList();
        }
    }

    private CloudEvent read(ConsumerRecord<String, byte[]> record) {
        return new JsonFormat().deserialize(record.value());
    }
}
