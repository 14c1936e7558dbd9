package org.disclosureledger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.projections.history.HistoryExamples.people;
import static org.disclosureledger.projections.history.HistoryExamples.toIce;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.CatchUp;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A bulk disclosure of 100,000 subjects, recorded through Axon in chunks of 10,000, appears in each subject's history.
 * The time the fan-out took is printed as a figure for the notes; nothing here asserts on time.
 */
@SpringBootTest(classes = HistoryTestApplication.class)
// Closed after the class, so its processor stops polling while other tests run and before the database stops.
@DirtiesContext
class BulkFanOutTest {

    private static final Logger log = LoggerFactory.getLogger(BulkFanOutTest.class);

    private static final int SUBJECTS = 100_000;
    private static final int CHUNK = 10_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    PersonHistoryRebuild rebuild;

    @Autowired
    PersonHistoryQueries queries;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenBulkDisclosureOfOneHundredThousandSubjects_whenRecordedInChunks_thenEverySubjectHasTheEntry() {
        DisclosureId id = new DisclosureId("ca-dhcs-bulk-100k");
        List<PersonRef> subjects = people("bulk-100k", SUBJECTS);
        commands.sendAndWait(new OpenBulkDisclosure(id, toIce(Instant.parse("2025-06-15T09:30:00Z")), null, "b"));
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(30));

        long started = System.nanoTime();
        for (int chunk = 0; chunk < SUBJECTS / CHUNK; chunk++) {
            commands.sendAndWait(
                    new AttachSubjects(id, chunk + 1, subjects.subList(chunk * CHUNK, (chunk + 1) * CHUNK)));
        }
        commands.sendAndWait(new SealBulkDisclosure(id, SUBJECTS));
        long recorded = System.nanoTime();
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(90));
        long caughtUp = System.nanoTime();

        log.info(
                "Fan-out of {} subjects in {} chunks: recorded through the CommandGateway in {} ms; the"
                        + " person-history processor caught up {} ms later; {} ms from the first chunk sent to every"
                        + " subject's row committed",
                SUBJECTS,
                SUBJECTS / CHUNK,
                (recorded - started) / 1_000_000,
                (caughtUp - recorded) / 1_000_000,
                (caughtUp - started) / 1_000_000);
        assertThat(subjectRowsOf(id)).isEqualTo(SUBJECTS);
        for (int position : new int[] {0, 9_999, 10_000, 54_321, SUBJECTS - 1}) {
            VisibleEntry entry = (VisibleEntry) queries.historyOf(HistoryRequest.firstPage(subjects.get(position)))
                    .entries()
                    .get(0);
            assertThat(entry.disclosureId()).isEqualTo(id);
            assertThat(entry.status()).isEqualTo(RecordingStatus.SEALED);
            assertThat(entry.subjectIndex()).isEqualTo(position);
            assertThat(entry.subjectCount()).isEqualTo(SUBJECTS);
        }

        // The projection alone: the same events replayed from the event store into emptied tables.
        long rebuildStarted = System.nanoTime();
        rebuild.rebuild();
        CatchUp.await(rebuild.processor(), eventStore, Duration.ofSeconds(90));
        log.info(
                "Rebuild of the person history from the event store ({} subjects): {} ms",
                SUBJECTS,
                (System.nanoTime() - rebuildStarted) / 1_000_000);
        assertThat(subjectRowsOf(id)).isEqualTo(SUBJECTS);
    }

    private long subjectRowsOf(DisclosureId id) {
        return jdbc.queryForObject(
                "SELECT count(*) FROM history_subject WHERE disclosure_id = ?", Long.class, id.value());
    }
}
