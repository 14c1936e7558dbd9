package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A bulk disclosure's chunks sent as CSV, as a state's export split into files would be: a header line, Windows line
 * ends, a byte order mark, quoted fields and an SSN column are all read; the people are the same people as in NDJSON
 * (the same manifest root, and a chunk sent again in the other format is the same chunk); a header does not count
 * against a chunk's 10,000 subjects.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CsvChunkTest {

    private static final String CSV = "text/csv";
    private static final String NDJSON = "application/x-ndjson";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    LedgerClient client;
    BulkUploads uploads;

    @BeforeEach
    void client() {
        client = LedgerClient.recorder(port);
        uploads = new BulkUploads(client, jdbc);
    }

    @Test
    void givenTheSamePeopleAsCsvAndAsNdjson_whenEachIsSealed_thenBothManifestsHaveTheSameRoot() {
        uploads.open("csv-1");
        LedgerClient.Response first = put(
                "csv-1",
                1,
                CSV,
                "\uFEFFstate,medicaidId,ssn\r\nCA,CSV0001,\r\n\"CA\",\"CSV-0002\",123-45-6789\r\n\r\nCA,csv 0003,\r\n");
        LedgerClient.Response second = put("csv-1", 2, CSV + "; charset=utf-8", "state,medicaidId\nCA,CSV0004\n");
        Map<String, Object> sealedCsv = seal("csv-1", 4);

        uploads.open("csv-2");
        put("csv-2", 1, NDJSON, ndjson("CSV0001", "CSV0002", "CSV0003"));
        put("csv-2", 2, NDJSON, ndjson("CSV0004"));
        Map<String, Object> sealedNdjson = seal("csv-2", 4);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().path("subjectsInChunk").asInt()).isEqualTo(3);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.json().path("subjectsAttached").asLong()).isEqualTo(4);
        assertThat(sealedCsv.get("subjectCount")).isEqualTo(4);
        assertThat(sealedCsv.get("manifestRoot")).isEqualTo(sealedNdjson.get("manifestRoot"));
    }

    @Test
    void givenAnNdjsonChunkWhoseAnswerWasLost_whenSentAgainAsCsv_thenItIsTheSameChunkAndNothingIsWrittenTwice() {
        uploads.open("csv-3");
        LedgerClient.Response asNdjson = put("csv-3", 1, NDJSON, ndjson("CSV0101", "CSV0102"));

        LedgerClient.Response asCsv = put("csv-3", 1, CSV, "CA,CSV0101\nCA,CSV0102\n");

        assertThat(asNdjson.status()).as(asNdjson.body()).isEqualTo(200);
        assertThat(asCsv.status()).as(asCsv.body()).isEqualTo(200);
        assertThat(asCsv.json().path("retry").asBoolean()).isTrue();
        assertThat(asCsv.json().path("subjectsAttached").asLong()).isEqualTo(2);
        assertThat(uploads.attachedChunks("csv-3")).isEqualTo(1);
    }

    @Test
    void givenAHeaderAndTenThousandSubjects_whenAttached_thenTheChunkIsFullAndTheHeaderIsNoSubject() {
        uploads.open("csv-4");
        StringBuilder chunk = new StringBuilder("state,medicaidId\n");
        for (int i = 0; i < 10_000; i++) {
            chunk.append("CA,CSVFULL").append(i).append('\n');
        }

        LedgerClient.Response attached = put("csv-4", 1, CSV, chunk.toString());

        assertThat(attached.status()).as(attached.body()).isEqualTo(200);
        assertThat(attached.json().path("subjectsInChunk").asInt()).isEqualTo(10_000);
    }

    private LedgerClient.Response put(String id, int number, String type, String body) {
        return uploads.put(id, number, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> seal(String id, int subjects) {
        LedgerClient.Response sealed =
                client.postJson("/api/v1/bulk-disclosures/" + id + "/seal", Map.of("subjectCount", subjects));
        assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
        return Map.of(
                "subjectCount", sealed.json().path("subjectCount").asInt(),
                "manifestRoot", sealed.json().path("manifestRoot").asString());
    }

    private static String ndjson(String... medicaidIds) {
        StringBuilder lines = new StringBuilder();
        for (String id : medicaidIds) {
            lines.append("{\"state\":\"CA\",\"medicaidId\":\"").append(id).append("\"}\n");
        }
        return lines.toString();
    }
}
