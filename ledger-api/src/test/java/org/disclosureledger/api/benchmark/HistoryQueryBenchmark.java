package org.disclosureledger.api.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.disclosureledger.api.Examples;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8's scenario 5: one person's history through the HTTP API, p50/p99, with {@value #DEFAULT_ROWS} history rows
 * stored; against the raw JDBC point lookup of the same person's rows (history_subject joined to history_disclosure)
 * on the same database. The rows are loaded straight into the person-history tables, not through events: one real
 * disclosure recorded through the API is cloned into {@value #DISCLOSURES} synthetic ones, and {@value #DEFAULT_ROWS}
 * subject rows of synthetic pseudonyms are spread over them, plus {@value #ENTRIES_PER_PERSON} entries for each of
 * the {@value #PEOPLE} people asked about.
 */
// Closed after its scenario, so that its processors do not compete with the next scenario for the two cores.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BenchmarkRun.Joined.class)
class HistoryQueryBenchmark {

    static final long DEFAULT_ROWS = 10_000_000;
    static final int DISCLOSURES = 1_000;
    static final int PEOPLE = 1_000;
    static final int ENTRIES_PER_PERSON = 10;
    private static final long ROWS = Long.getLong("benchmark.history.rows", DEFAULT_ROWS);
    private static final int QUERIES = Integer.getInteger("benchmark.history.queries", 2_000);
    /**
     * Look-ups before anything is measured, so that what is measured is a server that has been reading histories for a
     * while rather than one still compiling its read path. On 2026-12-06, after the 30 seconds of look-ups this used to
     * take (1,500-2,000 of them on two cores), the JIT's compiler threads still took 3.5 ms of CPU per measured look-up,
     * and the server's own p50 went on falling until about 10,000 (11 ms at the first thousand, 3.8 ms at the
     * eleventh). The report says how much compiling was still going on while it measured.
     */
    private static final int WARM_UP_LOOKUPS = Integer.getInteger("benchmark.history.warm-up-lookups", 10_000);

    private static final String SCENARIO = "5 history";

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPersonsHistoryWithTenMillionRowsStored() throws Exception {
        LedgerClient client = LedgerClient.recorder(port);
        Map<String, Object> template = Examples.disclosure("hq-template", "HQTEMPLATE1");
        require(201, client.postJson("/api/v1/disclosures", template));
        awaitHistoryRow("hq-template");

        long loadStarted = System.nanoTime();
        List<String> columns = jdbc.queryForList(
                "select column_name from information_schema.columns where table_name = 'history_disclosure'"
                        + " and column_name <> 'disclosure_id' order by ordinal_position",
                String.class);
        String list = String.join(", ", columns);
        jdbc.update("insert into history_disclosure (disclosure_id, " + list + ") select 'hq-' || g, " + list
                + " from history_disclosure, generate_series(1, " + DISCLOSURES + ") g"
                + " where disclosure_id = 'hq-template'");
        jdbc.update("insert into history_subject (person_ref, disclosure_id, subject_index)"
                + " select sha256(int8send(g)), 'hq-' || (g % " + DISCLOSURES + " + 1), g"
                + " from generate_series(1, " + ROWS + ") g");
        Pseudonymiser pseudonyms = TestLedger.pseudonymiser();
        List<Object[]> entries = new ArrayList<>();
        for (int person = 0; person < PEOPLE; person++) {
            byte[] ref = pseudonyms
                    .pseudonymise(new StateCode("CA"), medicaidId(person))
                    .bytes();
            for (int k = 0; k < ENTRIES_PER_PERSON; k++) {
                entries.add(new Object[] {ref, "hq-" + ((person * 7L + k * 101L) % DISCLOSURES + 1), ROWS + person});
            }
        }
        jdbc.batchUpdate(
                "insert into history_subject (person_ref, disclosure_id, subject_index) values (?, ?, ?)", entries);
        jdbc.execute("analyze history_subject");
        jdbc.execute("analyze history_disclosure");
        double loadSeconds = (System.nanoTime() - loadStarted) / 1e9;
        long stored = jdbc.queryForObject("select count(*) from history_subject", Long.class);

        long warmUpStarted = System.nanoTime();
        for (int i = 0; i < WARM_UP_LOOKUPS; i++) {
            require(200, history(client, i % PEOPLE));
        }
        double warmUpSeconds = (System.nanoTime() - warmUpStarted) / 1e9;
        Compiling compiling = Compiling.since();
        StatementStats statements = StatementStats.start(jdbc);
        long[] api = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            long began = System.nanoTime();
            LedgerClient.Response response = history(client, (i * 37) % PEOPLE);
            api[i] = System.nanoTime() - began;
            require(200, response);
            if (!response.body().contains("\"totalEntries\":" + ENTRIES_PER_PERSON)) {
                throw new AssertionError("expected " + ENTRIES_PER_PERSON + " entries: " + response.body());
            }
        }
        double compilingPerLookup = compiling.millis() / (double) QUERIES;
        statements.print("while " + QUERIES + " histories were read");
        long[] raw = new long[QUERIES];
        for (int i = 0; i < QUERIES; i++) {
            PersonRef person = pseudonyms.pseudonymise(new StateCode("CA"), medicaidId((i * 37) % PEOPLE));
            long began = System.nanoTime();
            List<Map<String, Object>> rows = jdbc.queryForList(
                    "select d.* from history_subject s join history_disclosure d on d.disclosure_id = s.disclosure_id"
                            + " where s.person_ref = ?",
                    person.bytes());
            raw[i] = System.nanoTime() - began;
            if (rows.size() != ENTRIES_PER_PERSON) {
                throw new AssertionError("raw lookup found " + rows.size() + " rows");
            }
        }

        Percentiles apiLatency = new Percentiles(api);
        Percentiles rawLatency = new Percentiles(raw);
        BenchmarkReport report = new BenchmarkReport();
        String limits = "API: HTTP + JSON + pseudonymisation + one SQL statement building the page (entries, "
                + "corrections, disputes, destruction) + each entry's ledger index, one client thread; raw: JDBC "
                + "point lookup of the same person's rows joined to their disclosures; " + String.format("%,d", stored)
                + " history rows stored (loaded in " + String.format("%.0f", loadSeconds) + " s), "
                + ENTRIES_PER_PERSON + " entries per person asked; measured after "
                + String.format("%,d", WARM_UP_LOOKUPS)
                + " look-ups (" + String.format("%.0f", warmUpSeconds) + " s), with the JIT still compiling "
                + String.format("%.2f", compilingPerLookup) + " ms per measured look-up";
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "person's history p50 vs raw JDBC lookup",
                apiLatency.at(50) / 1e6,
                rawLatency.at(50) / 1e6,
                "ms",
                limits));
        report.add(new BenchmarkReport.Row(
                SCENARIO,
                "person's history p99 vs raw JDBC lookup",
                apiLatency.at(99) / 1e6,
                rawLatency.at(99) / 1e6,
                "ms",
                "as above"));
        System.out.print(report.table());
        System.out.println("JSON: " + report.writeJson("history").toAbsolutePath());
        BenchmarkRun.record(report);
    }

    // Each person reads their own history with their own token, minted once and kept: minting is not the ledger's time.
    private final Map<Integer, LedgerClient> enrollees = new java.util.HashMap<>();

    private LedgerClient.Response history(LedgerClient client, int person) {
        return enrollees
                .computeIfAbsent(person, p -> client.as(TestTokens.enrollee("CA", medicaidId(p))))
                .get("/api/v1/me/history");
    }

    private static String medicaidId(int person) {
        return "HQ" + person;
    }

    private void awaitHistoryRow(String disclosureId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.queryForObject(
                        "select count(*) from history_disclosure where disclosure_id = ?", Long.class, disclosureId)
                == 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the history never showed " + disclosureId);
            }
            Thread.sleep(100);
        }
    }

    private static void require(int status, LedgerClient.Response response) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response.status() + " " + response.body());
        }
    }
}
