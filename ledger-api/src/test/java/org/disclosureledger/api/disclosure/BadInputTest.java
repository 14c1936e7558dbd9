package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.bulkDisclosure;
import static org.disclosureledger.api.Examples.disclosure;
import static org.disclosureledger.api.Examples.map;
import static org.disclosureledger.api.Examples.subject;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.RecordHistoryAccess;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Every kind of bad input gets a specific 4xx problem document naming what is wrong, and leaves the event table
 * exactly as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private static final String JSON = "application/json";
    private static final String NDJSON = "application/x-ndjson";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandGateway commands;

    LedgerClient client;

    @BeforeAll
    void recordWhatTheBadInputsRefer() {
        client = LedgerClient.recorder(port);
        expectStatus(201, client.postJson("/api/v1/disclosures", disclosure("single-1", "BADIN0001", "BADIN0002")));
        Map<String, Object> suspended = disclosure("suspended-1", "BADIN0003");
        suspended.put(
                "suspension",
                map("until", "2099-01-01", "authority", "Law enforcement request, 45 CFR" + " 164.528(a)(2)"));
        expectStatus(201, client.postJson("/api/v1/disclosures", suspended));
        expectStatus(201, client.postJson("/api/v1/bulk-disclosures", bulkDisclosure("bulk-open")));
        expectStatus(200, chunk("bulk-open", 1, "BADIN0010", "BADIN0011"));
        expectStatus(201, client.postJson("/api/v1/bulk-disclosures", bulkDisclosure("bulk-sealed")));
        expectStatus(200, chunk("bulk-sealed", 1, "BADIN0020", "BADIN0021"));
        expectStatus(200, client.postJson("/api/v1/bulk-disclosures/bulk-sealed/seal", map("subjectCount", 2)));
    }

    /** One bad request and the answer it must get. */
    record BadInput(
            String method,
            String path,
            String contentType,
            Supplier<byte[]> body,
            boolean streamed,
            int status,
            String problemType,
            String field) {}

    Stream<Arguments> badInputs() {
        return Stream.of(
                bad(
                        "malformed JSON",
                        post("/api/v1/disclosures", JSON, "{\"disclosureId\": \"x\","),
                        400,
                        "malformed-json",
                        null),
                bad("empty body", post("/api/v1/disclosures", JSON, ""), 400, "missing-body", null),
                bad(
                        "a JSON array instead of an object",
                        post("/api/v1/disclosures", JSON, "[1,2]"),
                        400,
                        "wrong-json-type",
                        null),
                bad("a misspelt field", record(b -> b.put("purpsoe", "LAW")), 400, "unknown-field", "purpsoe"),
                bad(
                        "a number field given as text",
                        record(b -> b.put("recordCount", "many")),
                        400,
                        "wrong-json-type",
                        "recordCount"),
                bad(
                        "an unknown data category",
                        record(b -> b.put("dataCategories", List.of("NAME", "SHOE_SIZE"))),
                        422,
                        "invalid-field",
                        "dataCategories[1]"),
                bad(
                        "a data category named twice",
                        record(b -> b.put("dataCategories", List.of("NAME", "NAME"))),
                        422,
                        "invalid-field",
                        "dataCategories"),
                bad(
                        "a state code that does not exist",
                        record(b -> b.put("custodian", map("state", "ZZ", "agencyName", "Nowhere"))),
                        422,
                        "invalid-field",
                        "custodian.state"),
                bad(
                        "a lower-case state code",
                        record(b -> b.put("custodian", map("state", "ca", "agencyName", "DHCS"))),
                        422,
                        "invalid-field",
                        "custodian.state"),
                bad(
                        "an unknown purpose code",
                        record(b -> b.put("purpose", map("code", "CURIOSITY", "text", "just looking"))),
                        422,
                        "invalid-field",
                        "purpose.code"),
                bad("an unknown mode", record(b -> b.put("mode", "CARRIER_PIGEON")), 422, "invalid-field", "mode"),
                bad(
                        "a missing disclosure id",
                        record(b -> b.remove("disclosureId")),
                        422,
                        "invalid-field",
                        "disclosureId"),
                bad(
                        "a disclosure id with a slash",
                        record(b -> b.put("disclosureId", "a/b")),
                        422,
                        "invalid-field",
                        "disclosureId"),
                bad(
                        "occurredAt that is not a time",
                        record(b -> b.put("occurredAt", "last Tuesday")),
                        422,
                        "invalid-field",
                        "occurredAt"),
                bad(
                        "occurredAt beyond the clock tolerance",
                        record(b -> b.put("occurredAt", "2999-01-01T00:00:00Z")),
                        422,
                        "occurred-in-future",
                        "occurredAt"),
                bad(
                        "occurredAt before Medicaid existed",
                        record(b -> b.put("occurredAt", "1960-01-01T00:00:00Z")),
                        422,
                        "occurred-before-medicaid",
                        "occurredAt"),
                bad("no subjects", record(b -> b.put("subjects", List.of())), 422, "invalid-field", "subjects"),
                bad(
                        "the same subject twice, written differently",
                        record(b ->
                                b.put("subjects", List.of(subject("CA", "BADIN-0099"), subject("CA", "badin 0099")))),
                        422,
                        "duplicate-subjects",
                        "subjects[1]"),
                bad(
                        "a Medicaid id with symbols",
                        record(b -> b.put("subjects", List.of(subject("CA", "BAD$IN0098")))),
                        422,
                        "invalid-field",
                        "subjects[0].medicaidId"),
                bad(
                        "a malformed SSN",
                        record(b -> b.put(
                                "subjects", List.of(map("state", "CA", "medicaidId", "BADIN0097", "ssn", "12-34")))),
                        422,
                        "invalid-field",
                        "subjects[0].ssn"),
                bad(
                        "an access window that closes before it opens",
                        record(b -> b.put(
                                "accessWindow",
                                map(
                                        "opensAt",
                                        "2025-06-10T00:00:00Z",
                                        "closesAt",
                                        "2025-06-01T00:00:00Z",
                                        "downloadAllowed",
                                        true))),
                        422,
                        "invalid-field",
                        "accessWindow.closesAt"),
                bad(
                        "a record count of zero",
                        record(b -> b.put("recordCount", 0)),
                        422,
                        "invalid-field",
                        "recordCount"),
                bad(
                        "no legal authority",
                        record(b -> b.remove("legalAuthority")),
                        422,
                        "invalid-field",
                        "legalAuthority"),
                bad(
                        "a suspension that ends before the disclosure",
                        record(b -> b.put("suspension", map("until", "2025-01-01", "authority", "a court"))),
                        422,
                        "suspension-not-after-disclosure",
                        "suspension.until"),
                bad(
                        "a body over the size limit",
                        record(b -> b.put("requester", "x".repeat(1_100_000))),
                        413,
                        "body-too-large",
                        null),
                bad("the wrong content type", post("/api/v1/disclosures", "text/plain", "hello"), 415, null, null),
                bad(
                        "an existing id with different content",
                        new BadInput(
                                "POST",
                                "/api/v1/disclosures",
                                JSON,
                                () -> LedgerClient.json(disclosure("single-1", "BADIN0001")),
                                false,
                                0,
                                null,
                                null),
                        409,
                        "id-reused-with-different-content",
                        "disclosureId"),
                bad(
                        "subjects in a bulk opening",
                        post("/api/v1/bulk-disclosures", JSON, LedgerClient.json(disclosure("bulk-new", "BADIN0030"))),
                        422,
                        "invalid-field",
                        "subjects"),
                bad(
                        "sealing again with another count",
                        post("/api/v1/bulk-disclosures/bulk-sealed/seal", JSON, "{\"subjectCount\":5}"),
                        409,
                        "already-sealed",
                        null),
                bad(
                        "a seal with a fraction for its count",
                        post("/api/v1/bulk-disclosures/bulk-open/seal", JSON, "{\"subjectCount\":2.9}"),
                        400,
                        "wrong-json-type",
                        "subjectCount"),
                bad(
                        "a seal with its count as a string",
                        post("/api/v1/bulk-disclosures/bulk-open/seal", JSON, "{\"subjectCount\":\"2\"}"),
                        400,
                        "wrong-json-type",
                        "subjectCount"),
                bad(
                        "a seal with the wrong count",
                        post("/api/v1/bulk-disclosures/bulk-open/seal", JSON, "{\"subjectCount\":3}"),
                        409,
                        "subject-count-mismatch",
                        "subjectCount"),
                bad(
                        "a chunk out of order",
                        chunkInput("bulk-open", 3, "BADIN0031"),
                        409,
                        "chunk-out-of-order",
                        "chunkNumber"),
                bad(
                        "a chunk number that is not a number",
                        chunkInput("bulk-open", "two", "BADIN0031"),
                        422,
                        "invalid-field",
                        "chunkNumber"),
                bad(
                        "a changed retry of the last chunk",
                        chunkInput("bulk-open", 1, "BADIN0010", "BADIN0032"),
                        409,
                        "chunk-retry-differs",
                        "chunkNumber"),
                bad(
                        "the last chunk sent again under the next number",
                        chunkInput("bulk-open", 2, "BADIN0010", "BADIN0011"),
                        409,
                        "chunk-repeats-last",
                        "chunkNumber"),
                bad(
                        "a chunk for a disclosure recorded whole",
                        chunkInput("single-1", 1, "BADIN0033"),
                        409,
                        "not-a-bulk-disclosure",
                        null),
                bad("a chunk after sealing", chunkInput("bulk-sealed", 2, "BADIN0034"), 409, "already-sealed", null),
                bad(
                        "a chunk line that is not JSON",
                        chunkBody(
                                "bulk-open", 2, NDJSON, "{\"state\":\"CA\",\"medicaidId\":\"BADIN0035\"}\nnot json\n"),
                        422,
                        "invalid-field",
                        "line 2"),
                bad(
                        "a CSV chunk line with one field",
                        csvChunk("bulk-open", 2, "state,medicaidId\nCA,BADIN0037\nBADIN0038\n"),
                        422,
                        "invalid-field",
                        "line 3"),
                bad(
                        "a CSV chunk naming a person twice, after a header and a blank line",
                        csvChunk("bulk-open", 2, "state,medicaidId\n\nCA,BADIN0043\nCA,badin-0043\n"),
                        422,
                        "duplicate-subjects",
                        "line 4"),
                bad(
                        "a CSV chunk line with a quote left open",
                        csvChunk("bulk-open", 2, "CA,\"BADIN0039\n"),
                        422,
                        "invalid-field",
                        "line 1"),
                bad(
                        "a CSV chunk line with a state that is not one",
                        csvChunk("bulk-open", 2, "California,BADIN0040\n"),
                        422,
                        "invalid-field",
                        "line 1.state"),
                bad(
                        "a CSV chunk with its columns swapped, whose Medicaid id is not repeated",
                        csvChunk("bulk-open", 2, "BADIN0042,CA\n"),
                        422,
                        "invalid-field",
                        "line 1.state"),
                bad(
                        "a CSV chunk with more subjects than allowed after its header",
                        csvChunk("bulk-open", 2, "state,medicaidId\n" + csv(manyIds(10_001))),
                        422,
                        "invalid-field",
                        "body"),
                bad(
                        "a CSV chunk with only its header",
                        csvChunk("bulk-open", 2, "state,medicaidId\n"),
                        422,
                        "invalid-field",
                        "body"),
                bad(
                        "a chunk sent as plain text",
                        chunkBody("bulk-open", 2, "text/plain", "CA,BADIN0041\n"),
                        415,
                        null,
                        null),
                bad("a chunk sent as JSON", chunkBody("bulk-open", 2, JSON, "{}"), 415, null, null),
                bad(
                        "a chunk with more subjects than allowed",
                        chunkInput("bulk-open", 2, manyIds(10_001)),
                        422,
                        "invalid-field",
                        "body"),
                bad(
                        "a streamed chunk over the size limit",
                        new BadInput(
                                "PUT",
                                "/api/v1/bulk-disclosures/bulk-open/chunks/2",
                                NDJSON,
                                () -> ("{\"state\":\"CA\",\"medicaidId\":\"BADIN0036\",\"pad\":\""
                                                + "x".repeat(2_200_000) + "\"}\n")
                                        .getBytes(StandardCharsets.UTF_8),
                                true,
                                0,
                                null,
                                null),
                        413,
                        "body-too-large",
                        null),
                bad(
                        "a correction of a field that does not exist",
                        post(
                                "/api/v1/disclosures/single-1/corrections",
                                JSON,
                                "{\"correctionId\":\"c1\",\"corrections\":{\"shoeSize\":42},\"reason\":\"typo\"}"),
                        422,
                        "invalid-field",
                        "corrections.shoeSize"),
                bad(
                        "a correction of the custodian",
                        post(
                                "/api/v1/disclosures/single-1/corrections",
                                JSON,
                                "{\"correctionId\":\"c1\",\"corrections\":{\"custodian\":{\"state\":\"NY\"}},"
                                        + "\"reason\":\"wrong state\"}"),
                        422,
                        "invalid-field",
                        "corrections.custodian"),
                bad(
                        "a correction setting a field a disclosure always has to null",
                        post(
                                "/api/v1/disclosures/single-1/corrections",
                                JSON,
                                "{\"correctionId\":\"c1\",\"corrections\":{\"purpose\":null},\"reason\":\"x\"}"),
                        422,
                        "invalid-field",
                        "corrections.purpose"),
                bad(
                        "a correction that changes nothing",
                        post(
                                "/api/v1/disclosures/single-1/corrections",
                                JSON,
                                "{\"correctionId\":\"c1\",\"corrections\":{\"mode\":\"BULK_FILE\"},\"reason\":\"same\"}"),
                        422,
                        "correction-changes-nothing",
                        "corrections"),
                bad(
                        "a follow-on of an unknown disclosure",
                        post(
                                "/api/v1/me/disclosures/never-recorded/disputes",
                                JSON,
                                "{\"disputeId\":\"d1\",\"statement\":\"I never agreed\"}"),
                        404,
                        "unknown-disclosure",
                        null),
                bad(
                        "a dispute by someone who is not a subject",
                        post(
                                "/api/v1/me/disclosures/single-1/disputes",
                                JSON,
                                "{\"disputeId\":\"d1\",\"statement\":\"I never agreed\"}"),
                        422,
                        "not-a-subject",
                        "subject"),
                bad(
                        "a follow-on of a bulk disclosure that is not sealed",
                        post(
                                "/api/v1/disclosures/bulk-open/destruction-requests",
                                JSON,
                                "{\"requestId\":\"r1\",\"requestedBy\":\"A court\",\"authority\":\"Order 25-1\"}"),
                        409,
                        "not-sealed",
                        null),
                bad(
                        "a certification answering an unknown request",
                        post(
                                "/api/v1/disclosures/single-1/destruction-certifications",
                                JSON,
                                "{\"certificationId\":\"k1\",\"requestId\":\"r404\",\"certifiedBy\":\"ICE records officer\","
                                        + "\"destroyedAt\":\"2025-07-01T00:00:00Z\",\"method\":\"NIST 800-88 purge\"}"),
                        422,
                        "unknown-destruction-request",
                        "requestId"),
                bad(
                        "lifting a suspension that does not exist",
                        post(
                                "/api/v1/disclosures/single-1/suspension-lifts",
                                JSON,
                                "{\"liftId\":\"l1\",\"authority\":\"Court order\",\"reason\":\"ended\"}"),
                        409,
                        "no-suspension",
                        null),
                bad(
                        "a follow-on without its id",
                        post(
                                "/api/v1/disclosures/suspended-1/suspension-lifts",
                                JSON,
                                "{\"authority\":\"Court order\",\"reason\":\"ended\"}"),
                        422,
                        "invalid-field",
                        "liftId"),
                bad(
                        "a method no role may use (the ledger deletes nothing)",
                        new BadInput("DELETE", "/api/v1/disclosures", null, null, false, 0, null, null),
                        403,
                        "forbidden",
                        null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsRefusedWithASpecificProblemAndChangesNothing(BadInput input) {
        long before = storedEvents();

        // A dispute comes from an enrollee (one who is no subject of single-1); everything else from its recorder.
        LedgerClient caller =
                input.path().startsWith("/api/v1/me/") ? client.as(TestTokens.enrollee("CA", "BADIN0777")) : client;
        LedgerClient.Response response = input.streamed()
                ? caller.sendStreamed(
                        input.method(),
                        input.path(),
                        input.contentType(),
                        () -> new ByteArrayInputStream(input.body().get()))
                : caller.send(
                        input.method(),
                        input.path(),
                        input.contentType(),
                        input.body() == null ? null : input.body().get());

        assertThat(response.status()).as(response.body()).isEqualTo(input.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("status").asInt()).isEqualTo(input.status());
        assertThat(problem.path("detail").asString()).isNotBlank();
        if (input.problemType() != null) {
            assertThat(problem.path("type").asString())
                    .isEqualTo("urn:disclosure-ledger:problem:" + input.problemType());
        }
        if (input.field() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(e -> fields.add(e.path("field").asString()));
            assertThat(fields.isEmpty() ? List.of(problem.path("detail").asString()) : fields)
                    .as(response.body())
                    .anySatisfy(f -> assertThat(f).contains(input.field()));
        }
        // No Medicaid id sent in any of them (all begin BADIN, in either case) comes back.
        assertThat(response.body())
                .doesNotContain("at org.", "Exception", "BAD$IN0098")
                .doesNotContainIgnoringCase("badin");
        assertThat(storedEvents()).as("events stored after the refusal").isEqualTo(before);
    }

    @Test
    void aDisclosureIdThatARecordedReadHolds_isRefusedAsTakenAndChangesNothing() {
        String readId = "read-badin-1";
        commands.sendAndWait(new RecordHistoryAccess(
                new AccessId(readId),
                new PersonRef("ab".repeat(32)),
                new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR),
                AccessedRecord.HISTORY,
                new StatedPurpose("Complaint 2025-118"),
                Instant.now()));
        long before = storedEvents();

        List<LedgerClient.Response> responses = List.of(
                client.postJson("/api/v1/disclosures", disclosure(readId, "BADIN0030")),
                client.postJson("/api/v1/bulk-disclosures", bulkDisclosure(readId)));

        assertThat(responses).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(409);
            assertThat(response.json().path("type").asString())
                    .isEqualTo("urn:disclosure-ledger:problem:id-taken-by-another-entry");
        });
        assertThat(storedEvents()).as("events stored after the refusals").isEqualTo(before);
    }

    @Test
    void aFractionWhereAWholeNumberBelongs_isRefusedNamingWhatTheFieldTakes() {
        LedgerClient.Response response = client.send(
                "POST",
                "/api/v1/bulk-disclosures/bulk-open/seal",
                JSON,
                "{\"subjectCount\":2.9}".getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("detail").asString())
                .isEqualTo(
                        "subjectCount: the value has the wrong JSON type (a whole number was expected in its place)");
    }

    private long storedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static Arguments bad(String name, BadInput input, int status, String problemType, String field) {
        return Arguments.of(Named.of(
                name,
                new BadInput(
                        input.method(),
                        input.path(),
                        input.contentType(),
                        input.body(),
                        input.streamed(),
                        status,
                        problemType,
                        field)));
    }

    private static BadInput post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static BadInput post(String path, String contentType, byte[] body) {
        return new BadInput("POST", path, contentType, () -> body, false, 0, null, null);
    }

    private static BadInput record(Consumer<Map<String, Object>> change) {
        return new BadInput(
                "POST",
                "/api/v1/disclosures",
                JSON,
                () -> {
                    Map<String, Object> body = disclosure("bad-new", "BADIN0090");
                    change.accept(body);
                    return LedgerClient.json(body);
                },
                false,
                0,
                null,
                null);
    }

    private static BadInput chunkInput(String id, Object chunkNumber, String... medicaidIds) {
        return chunkBody(id, chunkNumber, NDJSON, new String(ndjson(medicaidIds), StandardCharsets.UTF_8));
    }

    /** A chunk sent whole, as {@code contentType}. */
    private static BadInput chunkBody(String id, Object chunkNumber, String contentType, String body) {
        return new BadInput(
                "PUT",
                "/api/v1/bulk-disclosures/" + id + "/chunks/" + chunkNumber,
                contentType,
                () -> body.getBytes(StandardCharsets.UTF_8),
                false,
                0,
                null,
                null);
    }

    private static String csv(String... medicaidIds) {
        StringBuilder lines = new StringBuilder();
        for (String id : medicaidIds) {
            lines.append("CA,").append(id).append('\n');
        }
        return lines.toString();
    }

    private static BadInput csvChunk(String id, int chunkNumber, String csv) {
        return chunkBody(id, chunkNumber, "text/csv", csv);
    }

    private LedgerClient.Response chunk(String id, int chunkNumber, String... medicaidIds) {
        return client.send(
                "PUT", "/api/v1/bulk-disclosures/" + id + "/chunks/" + chunkNumber, NDJSON, ndjson(medicaidIds));
    }

    private static byte[] ndjson(String... medicaidIds) {
        StringBuilder lines = new StringBuilder();
        for (String id : medicaidIds) {
            lines.append("{\"state\":\"CA\",\"medicaidId\":\"").append(id).append("\"}\n");
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String[] manyIds(int count) {
        String[] ids = new String[count];
        for (int i = 0; i < count; i++) {
            ids[i] = "BADINMANY" + i;
        }
        return ids;
    }

    private static void expectStatus(int status, LedgerClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
    }
}
