package org.disclosureledger.watchdog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.disclosureledger.core.merkle.MerkleTree;
import org.junit.jupiter.api.Test;

/** The test messages have the shape docs/stream.md gives: structured JSON, data a JSON object or a JSON string. */
class MessagesShapeTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aDisclosureEventCarriesItsDataAsAJsonObjectAndItsExtensionsAsTopLevelAttributes() throws Exception {
        JsonNode event = json.readTree(Messages.recorded("d-1", 5, MerkleTree.leafHash(new byte[] {1}), 3)
                .bytes());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("org.disclosureledger.disclosure.recorded.v1");
        assertThat(event.get("ledgerindex").isIntegralNumber()).isTrue();
        assertThat(event.get("data").isObject()).isTrue();
        assertThat(event.get("data").get("subjectCount").asInt()).isEqualTo(3);
    }

    @Test
    void aCheckpointCarriesTheSignedNoteAsAJsonString() throws Exception {
        TestLedger ledger = new TestLedger();
        ledger.append("a");
        String note = ledger.checkpoint(1);
        JsonNode event = json.readTree(Messages.checkpoint(1, note));
        assertThat(event.get("data").isTextual()).isTrue();
        assertThat(event.get("data").asText()).isEqualTo(note);
        assertThat(event.get("treesize").asLong()).isEqualTo(1);
    }
}
