package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A recorder's bulk uploads through the API, for tests: open one, send its chunks, seal it, count the chunks and events
 * it holds.
 */
record BulkUploads(LedgerClient recorder, JdbcTemplate jdbc) {

    /** Opens the example bulk disclosure under {@code id}, expecting 201. */
    void open(String id) {
        LedgerClient.Response opened = recorder.postJson("/api/v1/bulk-disclosures", Examples.bulkDisclosure(id));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
    }

    /** Sends chunk {@code number} of {@code id} as {@code contentType}. */
    LedgerClient.Response put(String id, int number, String contentType, byte[] body) {
        return recorder.send("PUT", "/api/v1/bulk-disclosures/" + id + "/chunks/" + number, contentType, body);
    }

    /** Seals {@code id} stating {@code subjectCount} subjects. */
    LedgerClient.Response seal(String id, long subjectCount) {
        return recorder.send(
                "POST",
                "/api/v1/bulk-disclosures/" + id + "/seal",
                "application/json",
                ("{\"subjectCount\":" + subjectCount + "}").getBytes(StandardCharsets.UTF_8));
    }

    /** How many events the event store holds for {@code id}. */
    long storedEvents(String id) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?", Long.class, id);
    }

    /** How many chunks the event store holds for {@code id}. */
    long attachedChunks(String id) {
        return jdbc.queryForObject(
                "select count(*) from domain_event_entry where aggregate_identifier = ?"
                        + " and payload_type like '%BulkSubjectsAttached'",
                Long.class, id);
    }
}
