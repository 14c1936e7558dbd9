package org.disclosureledger.api.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.projections.integrity.Checkpointer;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.disclosureledger.watchdog.WatchdogCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A regulator's investigation end to end over HTTP: disclosures recorded, a checkpoint signed, an investigation
 * started, polled and followed as server-sent events, its report fetched and its bundle downloaded and verified by
 * {@code ledger-watchdog verify-bundle} with the published key alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ledger.checkpoint.poll=1h")
@Import(TestRulebook.class)
class InvestigationApiTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Checkpointer checkpointer;

    @Autowired
    LedgerStore store;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @TempDir
    Path dir;

    @Test
    void aRegulatorStartsAnInvestigationFollowsItAndVerifiesItsBundleOffline() throws IOException {
        LedgerClient client = LedgerClient.recorder(port);
        LedgerClient regulator = client.as(TestTokens.regulator());
        long before = store.size();
        for (int i = 0; i < 3; i++) {
            assertThat(client.postJson(
                                    "/api/v1/disclosures",
                                    toOig(Examples.disclosure("inv-" + i, "INVEST" + i, "INVESU" + i)))
                            .status())
                    .isEqualTo(201);
        }
        // Each recording and the flag the test rulebook (in force at record time too) adds to it.
        long treeSize = signedCheckpoint(before + 6);

        LedgerClient.Response started =
                regulator.postJson("/api/v1/investigations", definition(treeSize, "us-hhs-oig"));

        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("id").asString();
        JsonNode status = awaitDone(regulator, id);
        assertThat(status.at("/counts/disclosures").asLong()).isEqualTo(3);
        assertThat(status.at("/counts/affectedSubjects").asLong()).isEqualTo(6);
        assertThat(status.at("/counts/findingsBySeverity/VIOLATION").asLong()).isEqualTo(3);
        assertThat(status.at("/progress/eventsRead").asLong()).isEqualTo(treeSize);
        LedgerClient.Response events = regulator.get("/api/v1/investigations/" + id + "/progress");
        assertThat(events.contentType()).startsWith("text/event-stream");
        assertThat(events.body())
                .contains("event:progress")
                .contains("event:end")
                .contains("\"DONE\"");
        LedgerClient.Response report = regulator.get("/api/v1/investigations/" + id + "/report");
        assertThat(report.json().at("/checkpoint/treeSize").asLong()).isEqualTo(treeSize);
        assertThat(report.body()).doesNotContain("INVEST0");

        Path bundle =
                Files.write(dir.resolve("bundle.zip"), regulator.getBytes("/api/v1/investigations/" + id + "/bundle"));
        Path key = Files.writeString(
                dir.resolve("ledger.pub"),
                client.get("/api/v1/ledger/public-key").body());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WatchdogCommand.run(
                new String[] {"verify-bundle", "--public-key", key.toString(), bundle.toString()},
                new PrintWriter(out),
                new PrintWriter(err));

        assertThat(code).as(out + " " + err).isZero();
        assertThat(out.toString())
                .contains("bundle valid")
                .contains("report sha256 " + status.path("reportSha256").asString())
                .contains("3 disclosures, 6 ledger entries proven");
    }

    @Test
    void theRegulatorsCommandLineStartsFollowsDownloadsAndVerifies() throws IOException {
        LedgerClient client = LedgerClient.recorder(port);
        LedgerClient regulator = client.as(TestTokens.regulator());
        long before = store.size();
        client.postJson("/api/v1/disclosures", Examples.disclosure("cli-0", "CLIAAA0", "CLIAAA1"));
        long treeSize = signedCheckpoint(before + 1);
        Path key = Files.writeString(
                dir.resolve("ledger.pub"),
                client.get("/api/v1/ledger/public-key").body());
        Path bundle = dir.resolve("cli.zip");
        CliRun run = investigate(
                treeSize,
                bundle,
                "--recipient",
                "us-dhs-ice",
                "--state",
                "ca",
                "--public-key",
                key.toString(),
                "--token",
                TestTokens.regulator());

        assertThat(run.code()).as(run.out() + " " + run.err()).isZero();
        assertThat(run.err()).contains("100% " + treeSize + "/" + treeSize + " events");
        assertThat(run.out()).contains("bundle saved to " + bundle).contains("bundle valid");
        assertThat(Files.size(bundle)).isPositive();
    }

    @Test
    void theRegulatorsCommandLineReportsARefusedDefinitionOnOneLine() {
        CliRun run = investigate(
                999_999, dir.resolve("none.zip"), "--token-file", tokenFile().toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("error: the ledger refused the investigation: 422")
                .contains("asOf.treeSize: no checkpoint was signed at tree size 999999")
                .doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("none.zip"))).isFalse();
    }

    @Test
    void theSameInvestigationTwiceGivesTheSameReportHash() {
        LedgerClient client = LedgerClient.recorder(port);
        LedgerClient regulator = client.as(TestTokens.regulator());
        long before = store.size();
        client.postJson("/api/v1/disclosures", Examples.disclosure("same-1", "SAMEAA1"));
        long treeSize = signedCheckpoint(before + 1);

        String first = regulator
                .postJson("/api/v1/investigations", definition(treeSize))
                .json()
                .path("id")
                .asString();
        String second = regulator
                .postJson("/api/v1/investigations", definition(treeSize))
                .json()
                .path("id")
                .asString();

        assertThat(awaitDone(regulator, first).path("reportSha256").asString())
                .isEqualTo(awaitDone(regulator, second).path("reportSha256").asString());
    }

    @Test
    void badDefinitionsAndUnknownInvestigationsGetProblems() {
        LedgerClient client = LedgerClient.recorder(port);
        LedgerClient regulator = client.as(TestTokens.regulator());

        LedgerClient.Response noCheckpoint = regulator.postJson("/api/v1/investigations", definition(999_999));
        LedgerClient.Response backwards = regulator.postJson(
                "/api/v1/investigations",
                Map.of(
                        "occurredFrom", "2026-01-01T00:00:00Z",
                        "occurredTo", "2025-01-01T00:00:00Z",
                        "asOf", Map.of("treeSize", 1)));
        LedgerClient.Response badValues = regulator.postJson(
                "/api/v1/investigations",
                Map.of(
                        "occurredFrom",
                        "yesterday",
                        "occurredTo",
                        "2025-01-01T00:00:00Z",
                        "purposes",
                        List.of("SPYING"),
                        "asOf",
                        Map.of("treeSize", 1)));
        LedgerClient.Response unknown = regulator.get("/api/v1/investigations/00000000-0000-0000-0000-000000000000");

        assertThat(noCheckpoint.status()).isEqualTo(422);
        assertThat(noCheckpoint.contentType()).startsWith("application/problem+json");
        assertThat(noCheckpoint.json().at("/errors/0/field").asString()).isEqualTo("asOf.treeSize");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.json().at("/errors/0/reason").asString())
                .isEqualTo("occurredTo must be after occurredFrom");
        assertThat(badValues.status()).isEqualTo(422);
        assertThat(badValues.json().path("errors").findValuesAsString("field")).contains("occurredFrom", "purposes");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("type").asString())
                .isEqualTo("urn:disclosure-ledger:problem:unknown-investigation");
    }

    @Test
    void anInvestigationBeyondTheQueueIsRefusedWithRetryAfterAndNothingIsKeptOfIt() throws SQLException {
        LedgerClient client = LedgerClient.recorder(port);
        LedgerClient regulator = client.as(TestTokens.regulator());
        long before = store.size();
        client.postJson("/api/v1/disclosures", Examples.disclosure("busy-1", "BUSYAA1"));
        // The recording and its flag.
        long treeSize = signedCheckpoint(before + 2);
        List<String> accepted = new ArrayList<>();
        LedgerClient.Response refused;
        long keptBefore;
        long keptAfter;
        List<String> statesWhenRefused = new ArrayList<>();
        // The regulator's command line, told not to wait, meets the same refusal.
        CliRun busyRun;
        // A replay reads ledger_entry: while this transaction holds the table, the two running replays wait for it and
        // the next eight stay queued.
        try (Connection holder = dataSource.getConnection();
                Statement lock = holder.createStatement()) {
            holder.setAutoCommit(false);
            lock.execute("lock table ledger_entry in access exclusive mode");
            for (int i = 0; i < 10; i++) {
                LedgerClient.Response started = regulator.postJson("/api/v1/investigations", definition(treeSize));
                assertThat(started.status()).as(started.body()).isEqualTo(202);
                accepted.add(started.json().path("id").asString());
            }
            keptBefore = investigations();
            refused = regulator.postJson("/api/v1/investigations", definition(treeSize));
            busyRun = investigate(
                    treeSize,
                    dir.resolve("busy.zip"),
                    "--recipient",
                    "us-dhs-ice",
                    "--state",
                    "CA",
                    "--token-file",
                    tokenFile().toString(),
                    "--wait-busy",
                    "0s");
            keptAfter = investigations();
            for (String id : accepted) {
                statesWhenRefused.add(regulator
                        .get("/api/v1/investigations/" + id)
                        .json()
                        .path("state")
                        .asString());
            }
            holder.rollback();
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString())
                .isEqualTo("urn:disclosure-ledger:problem:investigations-busy");
        assertThat(refused.header("Retry-After"))
                .contains(Long.toString(InvestigationController.BUSY_RETRY_AFTER_SECONDS));
        assertThat(busyRun.code()).isEqualTo(2);
        assertThat(busyRun.err().strip())
                .startsWith("error: the ledger is busy: 503 ")
                .contains("waiting another " + InvestigationController.BUSY_RETRY_AFTER_SECONDS
                        + " s would pass --wait-busy")
                .doesNotContain("\n");
        assertThat(Files.exists(dir.resolve("busy.zip"))).isFalse();
        assertThat(keptAfter).isEqualTo(keptBefore);
        // The queue was full: none of the ten had ended (a replay waiting too long for the table would have failed).
        assertThat(statesWhenRefused).containsOnly("QUEUED", "RUNNING");
        // The ten accepted ones run once the table is free again.
        for (String id : accepted) {
            awaitDone(regulator, id);
        }
    }

    /** What a run of {@code ledger-watchdog investigate} returned and printed. */
    private record CliRun(int code, String out, String err) {}

    /** Runs {@code ledger-watchdog investigate} on this ledger over 2025, as of a tree size, saving to {@code out}. */
    private CliRun investigate(long treeSize, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "investigate",
                "--ledger",
                "http://127.0.0.1:" + port,
                "--from",
                "2025-01-01T00:00:00Z",
                "--to",
                "2026-01-01T00:00:00Z",
                "--as-of-tree-size",
                Long.toString(treeSize),
                "--out",
                out.toString()));
        args.addAll(List.of(more));
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int code = WatchdogCommand.run(args.toArray(String[]::new), new PrintWriter(stdout), new PrintWriter(stderr));
        return new CliRun(code, stdout.toString(), stderr.toString());
    }

    private long investigations() {
        return jdbc.queryForObject("select count(*) from investigation", Long.class);
    }

    private Path tokenFile() {
        try {
            return Files.writeString(dir.resolve("regulator.token"), TestTokens.regulator() + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> definition(long treeSize) {
        return definition(treeSize, "us-dhs-ice");
    }

    private static Map<String, Object> definition(long treeSize, String recipient) {
        return Map.of(
                "occurredFrom", "2025-01-01T00:00:00Z",
                "occurredTo", "2026-01-01T00:00:00Z",
                "recipients", List.of(recipient),
                "custodianStates", List.of("CA"),
                "asOf", Map.of("treeSize", treeSize));
    }

    /** The example disclosure, released to the HHS Inspector General instead. */
    private static Map<String, Object> toOig(Map<String, Object> disclosure) {
        disclosure.put(
                "recipient",
                Examples.map(
                        "agencyId",
                        "us-hhs-oig",
                        "name",
                        "HHS Office of Inspector General",
                        "address",
                        "Washington, DC"));
        return disclosure;
    }

    private long signedCheckpoint(long entries) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (store.size() < entries && Instant.now().isBefore(deadline)) {
            pause();
        }
        assertThat(store.size()).isGreaterThanOrEqualTo(entries);
        checkpointer.signNow();
        return store.latestCheckpoint().orElseThrow().treeSize();
    }

    private static JsonNode awaitDone(LedgerClient client, String id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        JsonNode status = client.get("/api/v1/investigations/" + id).json();
        while (!status.path("state").asString().equals("DONE")
                && !status.path("state").asString().equals("FAILED")
                && Instant.now().isBefore(deadline)) {
            pause();
            status = client.get("/api/v1/investigations/" + id).json();
        }
        assertThat(status.path("state").asString()).as(status.toString()).isEqualTo("DONE");
        return status;
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
