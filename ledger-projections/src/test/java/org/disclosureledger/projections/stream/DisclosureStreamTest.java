package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisputeDisclosure;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.RecordDisclosure;
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
 * Disclosures recorded through Axon reach a real Kafka broker as docs/stream.md describes: one message per stored
 * event, carrying the ledger index and leaf hash the sequencer gave it, valid against its schema, in order per
 * disclosure, with no person in any of them; and every signed checkpoint reaches the checkpoint topic.
 */
@SpringBootTest(classes = StreamTestApplication.class)
@DirtiesContext
class DisclosureStreamTest {

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

    @Autowired
    MeterRegistry meters;

    @Autowired
    StreamRelay relay;

    @Autowired
    DataSource dataSource;

    final ObjectMapper json = new ObjectMapper();

    /** A stored event with its ledger entry, as the database has them. */
    record Entry(String eventId, String disclosureId, long sequence, String type, long ledgerIndex, String leafHash) {}

    @Test
    void givenSingleAndBulkDisclosuresWithFollowOns_whenPublished_thenOneValidMessagePerEventMatchingItsEntry()
            throws Exception {
        List<PersonRef> subjects = StreamExamples.people("e2e-single", 2);
        StreamCommands.recordWithEveryFollowOn(commands, "e2e-single", subjects);
        StreamCommands.recordBulk(
                commands,
                "e2e-bulk",
                List.of(StreamExamples.people("e2e-bulk-a", 3), StreamExamples.people("e2e-bulk-b", 2)));
        Map<String, Entry> entries = entriesOf(Set.of("e2e-single", "e2e-bulk"));
        assertThat(entries).hasSize(10);

        List<ConsumerRecord<String, byte[]>> records = readDisclosures(Set.of("e2e-single", "e2e-bulk"), 10);

        assertThat(records).as("one message per stored event").hasSize(10);
        assertThat(records.stream().map(r -> read(r).getId()).collect(Collectors.toSet()))
                .isEqualTo(entries.keySet());
        for (ConsumerRecord<String, byte[]> record : records) {
            CloudEvent event = read(record);
            Entry entry = entries.get(event.getId());
            StreamKind kind = StreamKind.ofType(event.getType()).orElseThrow();
            assertThat(kind.storedEventName()).contains(entry.type());
            assertThat(record.key()).isEqualTo(entry.disclosureId());
            assertThat(new String(record.headers().lastHeader("content-type").value(), StandardCharsets.UTF_8))
                    .isEqualTo(StreamAttributes.STRUCTURED_JSON);
            assertThat(event.getSource().toString()).isEqualTo(StreamTestApplication.ORIGIN);
            assertThat(event.getSubject()).isEqualTo(entry.disclosureId());
            assertThat(event.getDataSchema().toString()).isEqualTo(kind.dataSchema());
            assertThat(event.getExtension(StreamAttributes.LEDGER_INDEX))
                    .hasToString(Long.toString(entry.ledgerIndex()));
            assertThat(event.getExtension(StreamAttributes.LEAF_HASH)).isEqualTo(entry.leafHash());
            assertThat(event.getExtension(StreamAttributes.DISCLOSURE_SEQUENCE))
                    .hasToString(Long.toString(entry.sequence()));
            assertThat(event.getExtension(StreamAttributes.CUSTODIAN_STATE)).isEqualTo("CA");
            JsonNode data = json.readTree(record.value()).get("data");
            assertThat(StreamSchemas.problems(kind, data.toString()))
                    .as("%s data against its schema", kind.kind())
                    .isEmpty();
        }
        Map<String, CloudEvent> single = records.stream()
                .map(this::read)
                .filter(e -> e.getSubject().equals("e2e-single"))
                .collect(Collectors.toMap(e -> e.getType(), e -> e));
        CloudEvent recorded = single.get(StreamKind.RECORDED.type());
        CloudEvent disputed = single.get(StreamKind.DISPUTED.type());
        assertThat(recorded.getExtension(StreamAttributes.RECIPIENT_AGENCY)).isEqualTo("us-dhs-ice");
        assertThat(recorded.getExtension(StreamAttributes.PURPOSE)).isEqualTo("LAW");
        assertThat(recorded.getExtension(StreamAttributes.DATA_CATEGORIES))
                .isEqualTo("ADDRESS,IMMIGRATION_STATUS,NAME,SSN");
        assertThat(disputed.getExtension(StreamAttributes.RECIPIENT_AGENCY))
                .as("filters describe the disclosure as corrected")
                .isEqualTo("us-hhs-oig");
        assertThat(disputed.getExtension(StreamAttributes.PURPOSE)).isEqualTo("OVERSIGHT");
        assertThat(disputed.getExtension(StreamAttributes.DATA_CATEGORIES)).isEqualTo("CLAIMS,NAME");
        JsonNode sealed = json.readTree(records.stream()
                        .filter(r -> read(r).getType().equals(StreamKind.BULK_SEALED.type()))
                        .findFirst()
                        .orElseThrow()
                        .value())
                .get("data");
        assertThat(sealed.get("subjectCount").asLong()).isEqualTo(5);
        assertThat(sealed.get("chunkCount").asInt()).isEqualTo(2);
    }

    @Test
    void givenManyDisclosures_whenPublished_thenEachDisclosuresMessagesAreInOrderOnOnePartition() {
        Set<String> ids = new LinkedHashSet<>();
        for (int i = 0; i < 6; i++) {
            String id = "order-" + i;
            ids.add(id);
            if (i % 2 == 0) {
                StreamCommands.recordWithEveryFollowOn(commands, id, StreamExamples.people(id, 2));
            } else {
                StreamCommands.recordBulk(
                        commands,
                        id,
                        List.of(
                                StreamExamples.people(id + "-a", 2),
                                StreamExamples.people(id + "-b", 2),
                                StreamExamples.people(id + "-c", 1)));
            }
        }

        List<ConsumerRecord<String, byte[]>> records = readDisclosures(ids, 3 * 6 + 3 * 5);

        Map<String, List<ConsumerRecord<String, byte[]>>> byDisclosure =
                records.stream().collect(Collectors.groupingBy(ConsumerRecord::key));
        assertThat(byDisclosure.keySet()).isEqualTo(ids);
        byDisclosure.forEach((id, messages) -> {
            assertThat(messages.stream().map(ConsumerRecord::partition).distinct())
                    .as("partitions of %s", id)
                    .hasSize(1);
            List<Long> sequence = messages.stream()
                    .sorted(Comparator.comparingLong(ConsumerRecord::offset))
                    .map(r -> Long.parseLong(read(r).getExtension(StreamAttributes.DISCLOSURE_SEQUENCE)
                            .toString()))
                    .toList();
            List<Long> expected = new ArrayList<>();
            for (long s = 0; s < messages.size(); s++) {
                expected.add(s);
            }
            assertThat(sequence).as("disclosureseq of %s in offset order", id).isEqualTo(expected);
        });
    }

    @Test
    void givenBulkDisclosureAndSubjectsAndDispute_whenPublished_thenNoMessageCarriesAnyPersonReference() {
        List<PersonRef> everyone = new ArrayList<>();
        List<List<PersonRef>> chunks =
                List.of(StreamExamples.people("privacy-bulk-1", 40), StreamExamples.people("privacy-bulk-2", 25));
        chunks.forEach(everyone::addAll);
        StreamCommands.recordBulk(commands, "privacy-bulk", chunks);
        List<PersonRef> single = StreamExamples.people("privacy-single", 3);
        everyone.addAll(single);
        StreamCommands.recordWithEveryFollowOn(commands, "privacy-single", single);

        List<ConsumerRecord<String, byte[]>> records = readDisclosures(Set.of("privacy-bulk", "privacy-single"), 4 + 6);

        for (ConsumerRecord<String, byte[]> record : records) {
            String raw = new String(record.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
            for (PersonRef person : everyone) {
                assertThat(raw).as("message %s", read(record).getType()).doesNotContain(person.value());
                assertThat(raw).doesNotContain(base64(person));
            }
            assertThat(raw).doesNotContain(StreamExamples.DISPUTE_STATEMENT.toLowerCase(Locale.ROOT));
            record.headers().forEach(header -> {
                String value = new String(header.value(), StandardCharsets.UTF_8);
                everyone.forEach(person -> assertThat(value).doesNotContain(person.value()));
            });
        }
    }

    @Test
    void givenSignedCheckpoints_whenPublished_thenEachArrivesOnceInTreeSizeOrderAndVerifies() {
        StreamCommands.record(commands, "checkpoint-a");
        long first = awaitSignedCheckpoint();
        StreamCommands.record(commands, "checkpoint-b");
        StreamCommands.record(commands, "checkpoint-c");
        long second = awaitSignedCheckpoint();
        List<String> notes = jdbc.queryForList(
                "select signed_note from ledger_checkpoint where tree_size <= ? order by tree_size",
                String.class,
                second);
        NoteVerifier watchdog = NoteVerifier.fromVerifierKey(StreamTestApplication.SIGNER.verifierKey());

        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.checkpoints())) {
            List<ConsumerRecord<String, byte[]>> records = reader.readUntil(
                    rs -> rs.stream().anyMatch(r -> read(r).getId().equals("checkpoint-" + second)), PATIENCE);

            List<CloudEvent> events = records.stream().map(this::read).toList();
            assertThat(events).extracting(CloudEvent::getId).doesNotHaveDuplicates();
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(StreamTestApplication.ORIGIN);
            List<Long> sizes = new ArrayList<>();
            for (CloudEvent event : events) {
                String note = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
                Checkpoint checkpoint = watchdog.verifyCheckpoint(note, StreamTestApplication.ORIGIN);
                assertThat(event.getId()).isEqualTo("checkpoint-" + checkpoint.treeSize());
                assertThat(event.getSubject()).isEqualTo(Long.toString(checkpoint.treeSize()));
                assertThat(event.getExtension(StreamAttributes.TREE_SIZE))
                        .hasToString(Long.toString(checkpoint.treeSize()));
                assertThat(event.getType()).isEqualTo(StreamKind.CHECKPOINT.type());
                assertThat(event.getDataContentType()).isEqualTo(DisclosureMessages.SIGNED_NOTE);
                sizes.add(checkpoint.treeSize());
            }
            assertThat(sizes).isSorted().contains(first, second);
            assertThat(events.stream()
                            .map(e -> new String(e.getData().toBytes(), StandardCharsets.UTF_8))
                            .toList())
                    .as("every stored checkpoint up to the second, exactly as stored")
                    .containsExactlyElementsOf(notes);
        }
    }

    @Test
    void givenTheDisclosurePublisherBehind_whenACheckpointIsSigned_thenItReachesTheTopicOnlyAfterItsEntries()
            throws InterruptedException {
        relay.stop();
        long held;
        try {
            StreamCommands.record(commands, "held-back");
            held = awaitSignedCheckpoint();
            // Many rounds of the checkpoint poller (every 200 ms): without its entries on the topic, none publishes it.
            Thread.sleep(2_000);
            assertThat(jdbc.queryForObject(
                            "select published_tree_size from stream_checkpoint_progress where id = 1", Long.class))
                    .as(
                            "a checkpoint covering an entry not yet on the disclosures topic stays off the checkpoint topic")
                    .isLessThan(held);
        } finally {
            relay.start();
        }

        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.checkpoints())) {
            reader.readUntil(rs -> rs.stream().anyMatch(r -> read(r).getId().equals("checkpoint-" + held)), PATIENCE);
        }
        assertThat(readDisclosures(Set.of("held-back"), 1)).isNotEmpty();
        assertThat(jdbc.queryForObject("select published_entries from stream_relay where id = 1", Long.class))
                .isGreaterThanOrEqualTo(held);
    }

    @Test
    void givenAnEarlierDisclosuresFollowOnAndANewDisclosureInOneBatch_whenPublished_thenEachCarriesItsOwnFilters() {
        DisclosureId earlier = new DisclosureId("mixed-earlier");
        DisclosureId later = new DisclosureId("mixed-later");
        List<PersonRef> people = StreamExamples.people("mixed", 2);
        commands.sendAndWait(new RecordDisclosure(earlier, StreamExamples.toIce(), people, null, "r-mixed-earlier"));
        readDisclosures(Set.of(earlier.value()), 1);
        relay.stop();
        try {
            // One batch: the earlier disclosure's filters come from the event store, the later one's from the batch.
            commands.sendAndWait(new DisputeDisclosure(
                    earlier, new FollowOnId("dispute-1"), people.get(0), "Not me", "d-mixed-earlier"));
            commands.sendAndWait(
                    new RecordDisclosure(later, StreamExamples.correctedToOig(), people, null, "r-mixed-later"));
            commands.sendAndWait(new DisputeDisclosure(
                    later, new FollowOnId("dispute-1"), people.get(1), "Not me either", "d-mixed-later"));
            awaitSignedCheckpoint();
        } finally {
            relay.start();
        }

        Map<String, String> recipients = readDisclosures(Set.of(earlier.value(), later.value()), 4).stream()
                .map(this::read)
                .collect(Collectors.toMap(
                        e -> e.getSubject() + " "
                                + StreamKind.ofType(e.getType()).orElseThrow().kind(),
                        e -> e.getExtension(StreamAttributes.RECIPIENT_AGENCY).toString(),
                        (first, again) -> first));

        assertThat(recipients)
                .containsEntry("mixed-earlier recorded", "us-dhs-ice")
                .containsEntry("mixed-earlier disputed", "us-dhs-ice")
                .containsEntry("mixed-later recorded", "us-hhs-oig")
                .containsEntry("mixed-later disputed", "us-hhs-oig");
    }

    @Test
    void givenPublishedEvents_whenCaughtUp_thenMetricsCountThemAndShowNoLag() {
        StreamCommands.record(commands, "metrics-a");
        readDisclosures(Set.of("metrics-a"), 1);

        Awaitility.await()
                .atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(meters.get(StreamMetrics.LAG).gauge().value())
                                .isZero());
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        assertThat(meters.get(StreamMetrics.PUBLISHED)
                        .tag("topic", StreamMetrics.DISCLOSURES)
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(events);
    }

    @Test
    void givenAnotherNodeHoldingTheRelay_whenADisclosureIsRecorded_thenThisNodePublishesItOnlyOnceReleased()
            throws Exception {
        try (Connection otherNode = dataSource.getConnection()) {
            otherNode.setAutoCommit(false);
            try (Statement claim = otherNode.createStatement()) {
                claim.execute("select published_entries from stream_relay where id = 1 for update");
            }
            // Taken once any batch under way committed; the count cannot move while the row is held.
            double before = publishedDisclosures();
            StreamCommands.record(commands, "held-by-another-node");
            awaitSignedCheckpoint();
            assertTimeoutPreemptively(
                    Duration.ofSeconds(5),
                    () -> assertThat(relay.relayNextBatches())
                            .as("a batch tried meanwhile finds the row taken at once and publishes nothing")
                            .isZero());
            // Ten of the relay's own rounds (every 100 ms) with the row taken.
            Thread.sleep(1_000);
            assertThat(publishedDisclosures())
                    .as("nothing published while another node holds the relay")
                    .isEqualTo(before);
            otherNode.commit();
        }
        assertThat(readDisclosures(Set.of("held-by-another-node"), 1)).isNotEmpty();
    }

    @Test
    void givenTheRelaysThreadInterrupted_whenItEnds_thenTheRelayNoLongerReportsRunningAndStartsAgain() {
        // Other test contexts in this JVM run relays of their own: this one's thread is the one its start() makes.
        Set<Thread> others = relayThreads();
        relay.stop();
        relay.start();
        Set<Thread> ours = relayThreads();
        ours.removeAll(others);
        assertThat(ours).as("the thread this relay started").hasSize(1);
        Thread thread = ours.iterator().next();
        try {
            thread.interrupt();
            Awaitility.await().atMost(PATIENCE).until(() -> !thread.isAlive());
            assertThat(relay.isRunning())
                    .as("a relay whose thread ended does not report itself running")
                    .isFalse();
        } finally {
            relay.start();
        }
        StreamCommands.record(commands, "after-interrupt");
        assertThat(readDisclosures(Set.of("after-interrupt"), 1)).isNotEmpty();
    }

    private static Set<Thread> relayThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("ledger-stream-relay") && thread.isAlive())
                .collect(Collectors.toCollection(HashSet::new));
    }

    private long awaitSignedCheckpoint() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> jdbc.queryForObject("select count(*) from ledger_entry", Long.class) == events);
        checkpointer.signNow();
        return jdbc.queryForObject("select max(tree_size) from ledger_checkpoint", Long.class);
    }

    private double publishedDisclosures() {
        return meters.get(StreamMetrics.PUBLISHED)
                .tag("topic", StreamMetrics.DISCLOSURES)
                .counter()
                .count();
    }

    private List<ConsumerRecord<String, byte[]>> readDisclosures(Set<String> ids, int expectedEvents) {
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.disclosures())) {
            return reader
                    .readUntil(
                            rs -> rs.stream()
                                            .filter(r -> ids.contains(r.key()))
                                            .map(r -> read(r).getId())
                                            .distinct()
                                            .count()
                                    >= expectedEvents,
                            PATIENCE)
                    .stream()
                    .filter(r -> ids.contains(r.key()))
                    .toList();
        }
    }

    private Map<String, Entry> entriesOf(Set<String> disclosureIds) {
        Map<String, Entry> entries = new HashMap<>();
        Awaitility.await().atMost(PATIENCE).until(() -> {
            entries.clear();
            jdbc.query(
                    """
                            select d.event_identifier, d.aggregate_identifier, d.sequence_number, d.payload_type,
                                   e.ledger_index, e.leaf_hash
                            from domain_event_entry d join ledger_entry e on e.event_identifier = d.event_identifier
                            where d.aggregate_identifier = any (?)""",
                    rs -> {
                        entries.put(
                                rs.getString(1),
                                new Entry(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getLong(3),
                                        rs.getString(4),
                                        rs.getLong(5),
                                        HexFormat.of().formatHex(rs.getBytes(6))));
                    },
                    (Object) disclosureIds.toArray(new String[0]));
            long stored = jdbc.queryForObject(
                    "select count(*) from domain_event_entry where aggregate_identifier = any (?)", Long.class, (Object)
                            disclosureIds.toArray(new String[0]));
            return entries.size() == stored;
        });
        return entries;
    }

    private CloudEvent read(ConsumerRecord<String, byte[]> record) {
        return new JsonFormat().deserialize(record.value());
    }

    private static String base64(PersonRef person) {
        return Base64.getEncoder()
                .encodeToString(HexFormat.of().parseHex(person.value()))
                .toLowerCase(Locale.ROOT);
    }
}
