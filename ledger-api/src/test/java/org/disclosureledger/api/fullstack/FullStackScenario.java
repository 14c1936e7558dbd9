package org.disclosureledger.api.fullstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.map;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.merkle.MerkleFrontier;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One scenario for a running application, whatever runs its database and broker: record two single disclosures and a
 * bulk one (open, one chunk, seal) through the HTTP API, read an enrollee's history, and follow the disclosures topic
 * with a plain Kafka consumer until every recorded event arrived as a CloudEvent that names its disclosure and its
 * ledger entry and carries no person reference.
 */
final class FullStackScenario {

    /** The application's HTTP port, its broker's address, the disclosures topic and the pseudonymisation key in use. */
    record Target(
            int port,
            String bootstrapServers,
            String disclosuresTopic,
            Pseudonymiser pseudonymiser,
            boolean devIssuer) {

        /** A recorder of California's token: from the development issuer on the embedded default. */
        String recorderToken() {
            return devIssuer ? devToken(map("role", "recorder", "states", List.of("CA"))) : TestTokens.recorder("CA");
        }

        /** The enrollee's token. */
        String enrolleeToken(String medicaidId) {
            return devIssuer
                    ? devToken(map("role", "enrollee", "medicaidState", "CA", "medicaidId", medicaidId))
                    : TestTokens.enrollee("CA", medicaidId);
        }

        private String devToken(Map<String, Object> user) {
            LedgerClient.Response token = new LedgerClient(port).postJson("/dev/tokens", user);
            expect(token, 200);
            return token.json().path("accessToken").asString();
        }
    }

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NDJSON = "application/x-ndjson";
    private static final List<String> MEDICAID_IDS = List.of("FSTK0001", "FSTK0002", "FSTK0003", "FSTK0004");

    /** The events the scenario records, by disclosure, in the order they are recorded. */
    // The application runs with its defaults, so the sample rulebook judges each disclosure (LAW to ICE in June 2025:
    // outside 42 CFR 431.302 and the modelled agreement) and a flag follows each recording.
    private static final Map<String, List<StreamKind>> EXPECTED = Map.of(
            "fs-single-1", List.of(StreamKind.RECORDED, StreamKind.FLAGGED),
            "fs-single-2", List.of(StreamKind.RECORDED, StreamKind.FLAGGED),
            "fs-bulk-1",
                    List.of(
                            StreamKind.BULK_OPENED,
                            StreamKind.FLAGGED,
                            StreamKind.BULK_SUBJECTS_ATTACHED,
                            StreamKind.BULK_SEALED));

    private FullStackScenario() {}

    /** Runs the scenario against a fresh ledger (no entries yet); fails on the first thing that does not hold. */
    static void run(Target target) throws InterruptedException {
        LedgerClient client = new LedgerClient(target.port()).as(target.recorderToken());
        String manifestRoot = record(client);
        assertThat(manifestRoot)
                .as("the bulk manifest's root under the scenario's key: the key the application uses")
                .isEqualTo(MerkleFrontier.empty()
                        .append(List.of(
                                ref(target.pseudonymiser(), "FSTK0001").bytes(),
                                ref(target.pseudonymiser(), "FSTK0004").bytes()))
                        .rootHash());
        JsonNode history = awaitHistory(client.as(target.enrolleeToken("FSTK0001")));
        List<ConsumerRecord<String, String>> records = consume(target);

        assertThat(history.path("totalEntries").asLong()).isEqualTo(2);
        Map<String, Long> historyIndexes = new LinkedHashMap<>();
        history.path("entries")
                .valueStream()
                .forEach(e -> historyIndexes.put(
                        e.path("disclosureId").asString(), e.path("ledgerIndex").asLong()));
        assertThat(historyIndexes).containsOnlyKeys("fs-single-1", "fs-bulk-1");

        Map<String, List<JsonNode>> events = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            assertThat(contentType(record)).isEqualTo(StreamAttributes.STRUCTURED_JSON);
            JsonNode event = JSON.readTree(record.value());
            assertThat(event.path("subject").asString()).isEqualTo(record.key());
            assertThat(event.path("specversion").asString()).isEqualTo("1.0");
            events.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(event);
        }
        assertThat(events).containsOnlyKeys(EXPECTED.keySet());
        for (Map.Entry<String, List<StreamKind>> expected : EXPECTED.entrySet()) {
            List<JsonNode> received = events.get(expected.getKey());
            assertThat(received)
                    .as(expected.getKey() + ": its events' types, in partition order")
                    .extracting(e -> e.path("type").asString())
                    .containsExactlyElementsOf(
                            expected.getValue().stream().map(StreamKind::type).toList());
            assertThat(received)
                    .extracting(
                            e -> e.path(StreamAttributes.DISCLOSURE_SEQUENCE).asInt())
                    .containsExactlyElementsOf(
                            LongStream.range(0, expected.getValue().size())
                                    .mapToObj(Math::toIntExact)
                                    .toList());
            assertThat(received).allSatisfy(e -> {
                assertThat(e.path(StreamAttributes.LEDGER_INDEX).isIntegralNumber())
                        .as("ledgerindex is a JSON integer")
                        .isTrue();
                assertThat(e.path(StreamAttributes.LEAF_HASH).asString()).matches("[0-9a-f]{64}");
                assertThat(e.path(StreamAttributes.CUSTODIAN_STATE).asString()).isEqualTo("CA");
            });
        }
        List<Long> ledgerIndexes = records.stream()
                .map(r -> JSON.readTree(r.value())
                        .path(StreamAttributes.LEDGER_INDEX)
                        .asLong())
                .sorted()
                .toList();
        assertThat(ledgerIndexes)
                .as("one message per ledger entry of the fresh ledger")
                .containsExactlyElementsOf(LongStream.range(
                                0,
                                EXPECTED.values().stream().mapToInt(List::size).sum())
                        .boxed()
                        .toList());
        assertThat(historyIndexes.get("fs-single-1"))
                .as("the history and the stream name the same ledger entry")
                .isEqualTo(ledgerIndex(events.get("fs-single-1").get(0)));
        assertThat(historyIndexes.get("fs-bulk-1"))
                .isIn(events.get("fs-bulk-1").stream()
                        .map(FullStackScenario::ledgerIndex)
                        .toList());

        assertNoPersonReference(records, target.pseudonymiser());
    }

    /** Records the scenario's disclosures; returns the sealed bulk disclosure's manifest root. */
    private static String record(LedgerClient client) {
        expect(client.postJson("/api/v1/disclosures", Examples.disclosure("fs-single-1", "FSTK0001", "FSTK0002")), 201);
        expect(client.postJson("/api/v1/disclosures", Examples.disclosure("fs-single-2", "FSTK0003")), 201);
        expect(client.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure("fs-bulk-1")), 201);
        expect(
                client.send(
                        "PUT",
                        "/api/v1/bulk-disclosures/fs-bulk-1/chunks/1",
                        NDJSON,
                        "{\"state\":\"CA\",\"medicaidId\":\"FSTK0001\"}\n{\"state\":\"CA\",\"medicaidId\":\"FSTK0004\"}\n"
                                .getBytes(StandardCharsets.UTF_8)),
                200);
        LedgerClient.Response sealed =
                client.postJson("/api/v1/bulk-disclosures/fs-bulk-1/seal", map("subjectCount", 2));
        expect(sealed, 200);
        return sealed.json().path("manifestRoot").asString();
    }

    private static PersonRef ref(Pseudonymiser pseudonyms, String medicaidId) {
        return pseudonyms.pseudonymise(new StateCode("CA"), medicaidId);
    }

    private static void expect(LedgerClient.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }

    /** The enrollee's history once both of their disclosures show with a ledger index. */
    private static JsonNode awaitHistory(LedgerClient enrollee) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        JsonNode history;
        do {
            LedgerClient.Response response = enrollee.get("/api/v1/me/history");
            expect(response, 200);
            history = response.json();
            long indexed = history.path("entries")
                    .valueStream()
                    .filter(e -> e.has("ledgerIndex"))
                    .count();
            if (indexed == 2) {
                return history;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(
                "the history did not list two indexed disclosures within " + PATIENCE + ": " + history);
    }

    /**
     * Reads the topic from the beginning as a new consumer group until one message per expected event arrived (by
     * CloudEvent id: delivery is at least once), and returns the first of each, in the order received.
     */
    private static List<ConsumerRecord<String, String>> consume(Target target) {
        int expected = EXPECTED.values().stream().mapToInt(List::size).sum();
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, target.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "full-stack-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, ConsumerRecord<String, String>> byId = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(target.disclosuresTopic()));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (byId.size() < expected && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode message = JSON.readTree(record.value());
                    if (message.path("type").asString().equals(StreamKind.HISTORY_ACCESSED.type())) {
                        // The scenario's reads of the history are on the ledger too; they are not its disclosures.
                        assertThat(record.value()).doesNotContain(MEDICAID_IDS);
                        continue;
                    }
                    byId.putIfAbsent(message.path("id").asString(), record);
                }
            }
        }
        assertThat(byId).as("distinct events on " + target.disclosuresTopic()).hasSize(expected);
        return List.copyOf(byId.values());
    }

    private static void assertNoPersonReference(
            List<ConsumerRecord<String, String>> records, Pseudonymiser pseudonyms) {
        Set<String> forbidden = MEDICAID_IDS.stream()
                .flatMap(id -> Stream.of(id, ref(pseudonyms, id).value()))
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        for (ConsumerRecord<String, String> record : records) {
            StringBuilder everything =
                    new StringBuilder(record.key()).append('\n').append(record.value());
            for (Header header : record.headers()) {
                everything
                        .append('\n')
                        .append(header.key())
                        .append('=')
                        .append(new String(header.value(), StandardCharsets.UTF_8));
            }
            String text = everything.toString().toLowerCase(Locale.ROOT);
            assertThat(forbidden)
                    .as("no Medicaid id or person reference in message " + record.key() + "@" + record.offset())
                    .noneMatch(text::contains);
        }
    }

    private static String contentType(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(StreamAttributes.CONTENT_TYPE_HEADER);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static long ledgerIndex(JsonNode event) {
        return event.path(StreamAttributes.LEDGER_INDEX).asLong();
    }
}
