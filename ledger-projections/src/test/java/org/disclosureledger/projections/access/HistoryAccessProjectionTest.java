package org.disclosureledger.projections.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Instant;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.HistoryAccessed;
import org.disclosureledger.core.access.Reader;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.access.StatedPurpose;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access-log projection and its query as plain objects, on a fresh PostgreSQL database migrated by Flyway: events
 * are handed to the handler directly, each in its own transaction, as a processor's batch would be.
 */
class HistoryAccessProjectionTest {

    static final PersonRef ANA = new PersonRef("a1".repeat(32));
    static final PersonRef BEN = new PersonRef("b2".repeat(32));
    static final Reader AUDITOR = new Reader("auditor-ca@example.gov", ReaderRole.AUDITOR);
    static final Reader ENROLLEE = new Reader("the enrollee", ReaderRole.ENROLLEE);

    static HikariDataSource dataSource;
    static JdbcTemplate jdbc;
    static TransactionTemplate transactions;
    static HistoryAccessProjection projection;
    static HistoryAccessLog log;

    @BeforeAll
    static void database() {
        TestDatabase database = SharedPostgres.freshDatabase();
        dataSource = database.pool();
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        projection = new HistoryAccessProjection(jdbc);
        log = new HistoryAccessLog(jdbc);
    }

    @AfterAll
    static void closeDatabase() {
        dataSource.close();
    }

    @BeforeEach
    void emptyTable() {
        transactions.executeWithoutResult(status -> projection.onReset());
    }

    @Test
    void givenReadsOfTwoPeople_whenOneAsksWhoLooked_thenOnlyTheirsNewestFirstWithWhoWhatAndWhy() {
        handle(
                read("a-1", ANA, AUDITOR, AccessedRecord.HISTORY, "Complaint 2025-118", "2025-10-02T14:05:00Z"),
                read("b-1", BEN, AUDITOR, AccessedRecord.HISTORY, "Audit of ICE requests", "2025-10-02T15:00:00Z"),
                read(
                        "a-2",
                        ANA,
                        ENROLLEE,
                        AccessedRecord.ACCOUNTING_PDF,
                        "reading their own records",
                        "2025-10-03T08:00:00Z"),
                read(
                        "a-3",
                        ANA,
                        new Reader("admin@example.gov", ReaderRole.ADMIN),
                        AccessedRecord.FHIR_EXPORT,
                        "Support ticket 88",
                        "2025-10-01T09:00:00Z"));

        assertThat(log.accessesOf(ANA, 10))
                .containsExactly(
                        new HistoryAccessView(
                                Instant.parse("2025-10-03T08:00:00Z"),
                                "the enrollee",
                                ReaderRole.ENROLLEE,
                                AccessedRecord.ACCOUNTING_PDF,
                                "reading their own records"),
                        new HistoryAccessView(
                                Instant.parse("2025-10-02T14:05:00Z"),
                                "auditor-ca@example.gov",
                                ReaderRole.AUDITOR,
                                AccessedRecord.HISTORY,
                                "Complaint 2025-118"),
                        new HistoryAccessView(
                                Instant.parse("2025-10-01T09:00:00Z"),
                                "admin@example.gov",
                                ReaderRole.ADMIN,
                                AccessedRecord.FHIR_EXPORT,
                                "Support ticket 88"));
        assertThat(log.accessesOf(BEN, 10))
                .extracting(HistoryAccessView::purpose)
                .containsExactly("Audit of ICE requests");
        assertThat(log.accessesOf(new PersonRef("c3".repeat(32)), 10)).isEmpty();
    }

    @Test
    void givenARedeliveredRead_whenHandledTwice_thenOneRow() {
        HistoryAccessed read =
                read("again-1", ANA, AUDITOR, AccessedRecord.MEMBERSHIP_PROOF, "Complaint 7", "2025-10-02T14:05:00Z");

        handle(read, read);

        assertThat(log.accessesOf(ANA, 10)).hasSize(1);
    }

    @Test
    void givenMoreReadsThanTheLimit_whenListed_thenTheNewestUpToTheLimit() {
        for (int i = 0; i < 5; i++) {
            handle(read(
                    "many-" + i,
                    ANA,
                    AUDITOR,
                    AccessedRecord.HISTORY,
                    "Audit " + i,
                    "2025-10-0" + (i + 1) + "T10:00:00Z"));
        }

        assertThat(log.accessesOf(ANA, 2))
                .extracting(HistoryAccessView::purpose)
                .containsExactly("Audit 4", "Audit 3");
    }

    @Test
    void givenAListOfNoReads_whenAsked_thenRefused() {
        assertThatThrownBy(() -> log.accessesOf(ANA, 0)).hasMessageContaining("at least 1");
    }

    @Test
    void givenRows_whenReset_thenTheLogIsEmpty() {
        handle(read("reset-1", ANA, AUDITOR, AccessedRecord.HISTORY, "Audit", "2025-10-02T14:05:00Z"));

        transactions.executeWithoutResult(status -> projection.onReset());

        assertThat(log.accessesOf(ANA, 10)).isEmpty();
    }

    private static void handle(HistoryAccessed... events) {
        for (HistoryAccessed event : events) {
            transactions.executeWithoutResult(status -> projection.on(event));
        }
    }

    private static HistoryAccessed read(
            String id, PersonRef person, Reader reader, AccessedRecord record, String purpose, String at) {
        return new HistoryAccessed(
                new AccessId(id), person, reader, record, new StatedPurpose(purpose), Instant.parse(at));
    }
}
