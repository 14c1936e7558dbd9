package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
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
 * A client that loses its connection mid-upload resumes: a chunk cut off mid-body leaves nothing, sending it again
 * attaches it, sending it once more (the answer was lost) gives the original answer, and a changed chunk under the
 * same number is refused without writing anything. A seal whose answer was lost, sent again, gets the original answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChunkResumeTest {

    private static final String NDJSON = "application/x-ndjson";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    BulkUploads uploads;

    @BeforeEach
    void client() {
        uploads = new BulkUploads(LedgerClient.recorder(port), jdbc);
    }

    @Test
    void givenAChunkCutOffMidBody_whenSentAgainInFull_thenItIsAttachedOnceAndTheUploadGoesOn() throws IOException {
        uploads.open("resume-1");
        byte[] chunk = ndjson("RESUME", 0, 200);
        // Cut after the 100th line: what arrived is itself a well-formed chunk, the case a server must not take.
        int cut = indexAfterLine(chunk, 100);

        String answer = sendCutOff("/api/v1/bulk-disclosures/resume-1/chunks/1", chunk, cut);

        assertThat(answer).as("the server's answer to the cut-off upload").startsWith("HTTP/1.1 4");
        assertThat(uploads.attachedChunks("resume-1")).isZero();

        LedgerClient.Response resent = uploads.put("resume-1", 1, NDJSON, chunk);
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().path("subjectsInChunk").asInt()).isEqualTo(200);
        assertThat(resent.json().path("subjectsAttached").asLong()).isEqualTo(200);
        assertThat(resent.json().path("retry").asBoolean()).isFalse();

        LedgerClient.Response next = uploads.put("resume-1", 2, NDJSON, ndjson("RESUME", 200, 50));
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.json().path("subjectsAttached").asLong()).isEqualTo(250);
        assertThat(uploads.attachedChunks("resume-1")).isEqualTo(2);
    }

    @Test
    void givenAChunkWhoseAnswerWasLost_whenSentAgainUnchanged_thenTheOriginalAnswerComesBackAndNothingIsWritten() {
        uploads.open("resume-2");
        byte[] chunk = ndjson("RETRY", 0, 30);
        LedgerClient.Response first = uploads.put("resume-2", 1, NDJSON, chunk);

        LedgerClient.Response again = uploads.put("resume-2", 1, NDJSON, chunk);

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("chunkNumber").asInt()).isEqualTo(1);
        assertThat(again.json().path("subjectsInChunk").asInt()).isEqualTo(30);
        assertThat(again.json().path("subjectsAttached").asLong()).isEqualTo(30);
        assertThat(again.json().path("retry").asBoolean()).isTrue();
        assertThat(uploads.attachedChunks("resume-2")).isEqualTo(1);
    }

    @Test
    void givenASealWhoseAnswerWasLost_whenSentAgain_thenTheOriginalAnswerComesBackAndNothingIsWritten() {
        uploads.open("resume-4");
        uploads.put("resume-4", 1, NDJSON, ndjson("SEAL", 0, 30));
        LedgerClient.Response sealed = uploads.seal("resume-4", 30);
        long events = uploads.storedEvents("resume-4");

        LedgerClient.Response again = uploads.seal("resume-4", 30);
        LedgerClient.Response otherCount = uploads.seal("resume-4", 31);

        assertThat(sealed.status()).as(sealed.body()).isEqualTo(200);
        assertThat(sealed.json().path("retry").asBoolean()).isFalse();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("retry").asBoolean()).isTrue();
        assertThat(again.json().path("subjectCount").asLong()).isEqualTo(30);
        assertThat(again.json().path("chunkCount").asInt()).isEqualTo(1);
        assertThat(again.json().path("manifestRoot").asString())
                .isEqualTo(sealed.json().path("manifestRoot").asString());
        assertThat(otherCount.status()).as(otherCount.body()).isEqualTo(409);
        assertThat(otherCount.json().path("type").asString()).isEqualTo("urn:disclosure-ledger:problem:already-sealed");
        assertThat(uploads.storedEvents("resume-4")).isEqualTo(events);
    }

    @Test
    void givenAnAttachedChunk_whenTheSameNumberComesWithOtherSubjects_thenA409AndNothingWritten() {
        uploads.open("resume-3");
        uploads.put("resume-3", 1, NDJSON, ndjson("SAME", 0, 30));

        LedgerClient.Response changed = uploads.put("resume-3", 1, NDJSON, ndjson("OTHER", 0, 30));

        assertThat(changed.status()).as(changed.body()).isEqualTo(409);
        assertThat(changed.contentType()).startsWith("application/problem+json");
        assertThat(changed.json().path("type").asString())
                .isEqualTo("urn:disclosure-ledger:problem:chunk-retry-differs");
        assertThat(uploads.attachedChunks("resume-3")).isEqualTo(1);
    }

    /**
     * Sends the request head promising the whole body, then only its first {@code cut} bytes, and closes the sending
     * side: a connection lost mid-upload. Returns whatever the server answered before closing (possibly nothing), so
     * the server is done with the request when this returns.
     */
    private String sendCutOff(String path, byte[] body, int cut) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: " + NDJSON
                            + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, cut);
            out.flush();
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            in.transferTo(answer);
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    private static byte[] ndjson(String prefix, int first, int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = first; i < first + count; i++) {
            lines.append("{\"state\":\"CA\",\"medicaidId\":\"")
                    .append(prefix)
                    .append(i)
                    .append("\"}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static int indexAfterLine(byte[] body, int lines) {
        int seen = 0;
        for (int i = 0; i < body.length; i++) {
            if (body[i] == '\n' && ++seen == lines) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("the body has fewer than " + lines + " lines");
    }
}
