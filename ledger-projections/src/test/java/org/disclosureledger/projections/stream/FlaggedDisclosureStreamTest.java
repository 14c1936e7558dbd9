package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.core.subject.PersonRef;
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
 * With the sample rulebook (the default: an empty {@code ledger.rulebook.location}), a disclosure it flags is stored
 * with a {@code DisclosureFlagged} right after it, published on the disclosures topic like every entry and again on
 * the alerts topic: the same message, at its ledger index, valid against its schema, naming no person.
 */
@SpringBootTest(classes = StreamTestApplication.class, properties = "ledger.rulebook.location=")
@DirtiesContext
class FlaggedDisclosureStreamTest {

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

    final ObjectMapper json = new ObjectMapper();

    @Test
    void aDisclosureTheSampleRulebookFlagsReachesTheAlertsTopicAtItsLedgerIndexWithoutAPerson() throws Exception {
        StreamCommands.record(commands, "flagged-1");
        PersonRef subject = StreamExamples.person("flagged-1");

        List<String> types = jdbc.queryForList(
                "select payload_type from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                String.class,
                "flagged-1");
        assertThat(types).containsExactly("DisclosureRecorded", "DisclosureFlagged");
        Map<String, Object> entry = awaitEntry("flagged-1", 1);

        List<ConsumerRecord<String, byte[]>> alerts;
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.alerts())) {
            alerts = reader.readUntil(rs -> !rs.isEmpty(), PATIENCE);
        }
        List<ConsumerRecord<String, byte[]>> disclosures;
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.disclosures())) {
            disclosures = reader.readUntil(
                    rs -> rs.stream().filter(r -> r.key().equals("flagged-1")).count() >= 2, PATIENCE);
        }

        assertThat(alerts)
                .singleElement()
                .satisfies(record -> assertThat(record.key()).isEqualTo("flagged-1"));
        CloudEvent alert = read(alerts.get(0));
        assertThat(alert.getType()).isEqualTo("org.disclosureledger.disclosure.flagged.v1");
        assertThat(alert.getId()).isEqualTo(entry.get("event_identifier"));
        assertThat(alert.getExtension(StreamAttributes.LEDGER_INDEX))
                .hasToString(entry.get("ledger_index").toString());
        assertThat(alert.getExtension(StreamAttributes.DISCLOSURE_SEQUENCE)).hasToString("1");
        JsonNode data = json.readTree(alerts.get(0).value()).get("data");
        assertThat(StreamSchemas.problems(StreamKind.FLAGGED, data.toString())).isEmpty();
        List<String> ruleIds = new ArrayList<>();
        data.get("findings").forEach(f -> ruleIds.add(f.get("ruleId").asText()));
        assertThat(ruleIds).containsExactly("cfr-42-431-302", "cms-ice-2025-agreement");
        assertThat(data.get("rulebookVersion").asText()).isEqualTo("2025.1");
        assertThat(data.get("judgedAt").asText()).isEqualTo("2025-06-15T09:30:00Z");
        String raw = new String(alerts.get(0).value(), StandardCharsets.UTF_8);
        assertThat(raw).doesNotContain(subject.value());
        assertThat(disclosures.stream().filter(r -> r.key().equals("flagged-1")).map(r -> read(r).getId()))
                .as("the flag is on the disclosures topic too, so watchdogs see no gap")
                .contains(alert.getId());
    }

    private Map<String, Object> awaitEntry(String disclosureId, long sequence) {
        String sql = """
                select d.event_identifier, e.ledger_index
                from domain_event_entry d join ledger_entry e on e.event_identifier = d.event_identifier
                where d.aggregate_identifier = ? and d.sequence_number = ?""";
        Awaitility.await()
                .atMost(PATIENCE)
                .until(() -> !jdbc.queryForList(sql, disclosureId, sequence).isEmpty());
        return jdbc.queryForMap(sql, disclosureId, sequence);
    }

    private CloudEvent read(ConsumerRecord<String, byte[]> record) {
        return new JsonFormat().deserialize(record.value());
    }
}
