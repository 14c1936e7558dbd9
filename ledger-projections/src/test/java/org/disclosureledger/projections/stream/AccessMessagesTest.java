package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.HistoryAccessed;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.Test;

/**
 * A read of a person's records becomes the {@code history-accessed} message docs/stream.md describes: a ledger entry
 * like a disclosure's event, keyed by its access id, without the disclosure filter attributes and without the person.
 */
class AccessMessagesTest {

    static final String ORIGIN = "test.disclosure-ledger/log";
    static final Instant STORED = Instant.parse("2025-10-02T14:05:00.250Z");
    static final byte[] LEAF =
            HexFormat.of().parseHex("0d222700f19091c9807c6e1756141b05aab25565163ed94c6b90263d268c9343");
    static final PersonRef PERSON = new PersonRef("5e".repeat(32));
    static final HistoryAccessed READ = new HistoryAccessed(
            new AccessId("5f0e2a0c-1f7b-4d7e-9a52-6a1c9d3e8b21"),
            PERSON,
            new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
            AccessedRecord.ACCOUNTING_PDF,
            new StatedPurpose("Complaint 2025-118 from the enrollee"),
            Instant.parse("2025-10-02T14:05:00Z"));
    static final StoredDisclosureEvent STORED_READ = StreamExamples.stored("event-9", 0, STORED, READ);

    final DisclosureMessages messages = new DisclosureMessages(ORIGIN);
    final ObjectMapper json = new ObjectMapper();

    @Test
    void givenAStoredRead_whenMapped_thenItsEnvelopeCarriesItsIdentityAndLedgerPlaceButNoDisclosureFilter() {
        CloudEvent event =
                new JsonFormat().deserialize(messages.accessEvent(STORED_READ, new LedgerPosition(57, LEAF)));

        assertThat(STORED_READ.kind()).isEqualTo(StreamKind.HISTORY_ACCESSED);
        assertThat(event.getId()).isEqualTo("event-9");
        assertThat(event.getSource()).isEqualTo(URI.create(ORIGIN));
        assertThat(event.getType()).isEqualTo("org.disclosureledger.access.history-accessed.v1");
        assertThat(event.getSubject()).isEqualTo("5f0e2a0c-1f7b-4d7e-9a52-6a1c9d3e8b21");
        assertThat(event.getDataSchema()).isEqualTo(URI.create("urn:disclosure-ledger:schema:history-accessed.v1"));
        assertThat(event.getExtension(StreamAttributes.LEDGER_INDEX)).hasToString("57");
        assertThat(event.getExtension(StreamAttributes.LEAF_HASH))
                .isEqualTo(HexFormat.of().formatHex(LEAF));
        assertThat(event.getExtension(StreamAttributes.DISCLOSURE_SEQUENCE)).hasToString("0");
        assertThat(event.getExtensionNames())
                .as("a read has no custodian, recipient, purpose code or data categories to filter by")
                .doesNotContain(
                        StreamAttributes.CUSTODIAN_STATE,
                        StreamAttributes.RECIPIENT_AGENCY,
                        StreamAttributes.PURPOSE,
                        StreamAttributes.DATA_CATEGORIES);
    }

    @Test
    void givenAStoredRead_whenMapped_thenItsDataIsTheDocumentedFieldsValidAgainstTheSchemaAndNamesNoPerson()
            throws Exception {
        byte[] structured = messages.accessEvent(STORED_READ, new LedgerPosition(57, LEAF));

        JsonNode data = json.readTree(structured).get("data");

        List<String> fields = new ArrayList<>();
        data.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("accessId", "readerSubject", "role", "record", "purpose", "accessedAt");
        assertThat(StreamSchemas.problems(StreamKind.HISTORY_ACCESSED, data.toString()))
                .isEmpty();
        assertThat(data.get("readerSubject").asText()).isEqualTo("auditor-ca@example.gov");
        assertThat(data.get("role").asText()).isEqualTo("AUDITOR");
        assertThat(data.get("record").asText()).isEqualTo("ACCOUNTING_PDF");
        assertThat(data.get("purpose").asText()).isEqualTo("Complaint 2025-118 from the enrollee");
        assertThat(data.get("accessedAt").asText()).isEqualTo("2025-10-02T14:05:00Z");
        assertThat(new String(structured, StandardCharsets.UTF_8)).doesNotContain(PERSON.value());
    }

    @Test
    void givenARead_whenMadeARecord_thenKeyedByItsAccessId() {
        ProducerRecord<String, byte[]> record = StreamProducer.record(
                "topic",
                DisclosureMessages.disclosureIdOf(STORED_READ),
                messages.accessEvent(STORED_READ, new LedgerPosition(57, LEAF)));

        assertThat(record.key()).isEqualTo("5f0e2a0c-1f7b-4d7e-9a52-6a1c9d3e8b21");
    }

    @Test
    void givenReadDataWithAPersonAdded_whenValidated_thenTheSchemaRefusesIt() throws Exception {
        JsonNode data = json.readTree(messages.accessEvent(STORED_READ, new LedgerPosition(57, LEAF)))
                .get("data");
        ((ObjectNode) data).put("person", PERSON.value());

        assertThat(StreamSchemas.problems(StreamKind.HISTORY_ACCESSED, data.toString()))
                .isNotEmpty();
    }
}
