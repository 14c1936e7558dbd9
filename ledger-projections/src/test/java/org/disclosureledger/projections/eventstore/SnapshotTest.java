package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.disclosureledger.core.disclosure.AttachSubjects;
import org.disclosureledger.core.disclosure.ChunkAttached;
import org.disclosureledger.core.disclosure.Disclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.SealBulkDisclosure;
import org.disclosureledger.core.disclosure.Sealed;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.disclosureledger.projections.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A bulk disclosure with more chunks than the snapshot threshold: snapshots are appended (never replaced), and the
 * aggregate keeps accepting chunks whether it comes from the cache, from a snapshot, or from a new application on the
 * same database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnapshotTest {

    private static final int THRESHOLD = 5;
    private static final int SUBJECTS_PER_CHUNK = 3;

    private TestDatabase database;
    private ConfigurableApplicationContext application;
    private CommandGateway commands;
    private JdbcTemplate jdbc;

    @BeforeAll
    void startApplication() {
        database = SharedPostgres.freshDatabase();
        application = start(database);
        commands = application.getBean(CommandGateway.class);
        jdbc = application.getBean(JdbcTemplate.class);
    }

    @AfterAll
    void stopApplication() {
        application.close();
    }

    @Test
    void givenMoreChunksThanThreshold_whenAttached_thenSnapshotsAppendedAndEveryChunkAccepted() {
        DisclosureId id = openBulk("ca-dhcs-snapshot-1");

        List<ChunkAttached> results = attachChunks(commands, id, 1, 12);

        assertThat(results).extracting(ChunkAttached::retry).containsOnly(false);
        assertThat(results.get(11).subjectsAttached()).isEqualTo(12L * SUBJECTS_PER_CHUNK);
        List<Long> snapshotSequences = jdbc.queryForList(
                "SELECT sequence_number FROM snapshot_event_entry"
                        + " WHERE aggregate_identifier = ? ORDER BY sequence_number",
                Long.class,
                id.value());
        // Axon counts events per load of the aggregate, and a load from the (weak-reference) cache restarts the count
        // earlier than a load from the store, so where exactly snapshots fall depends on the garbage collector. What
        // must hold: the first within the first five events (open + chunks 1-4), then at most five events apart.
        assertThat(snapshotSequences).hasSizeGreaterThanOrEqualTo(2).isSorted().doesNotHaveDuplicates();
        assertThat(snapshotSequences.get(0)).isLessThanOrEqualTo(4L);
        for (int i = 1; i < snapshotSequences.size(); i++) {
            assertThat(snapshotSequences.get(i) - snapshotSequences.get(i - 1)).isBetween(1L, 5L);
        }
        assertThat(jdbc.queryForList(
                        "SELECT DISTINCT payload_type || ' ' || payload_revision FROM"
                                + " snapshot_event_entry WHERE aggregate_identifier = ?",
                        String.class,
                        id.value()))
                .containsExactly(Disclosure.class.getName() + " " + SnapshotRevision.of(Disclosure.class));
        DomainEventMessage<?> first =
                application.getBean(EventStore.class).readEvents(id.value()).peek();
        assertThat(first.getPayload()).isInstanceOf(Disclosure.class);
        assertThat(first.getSequenceNumber()).isEqualTo(snapshotSequences.get(snapshotSequences.size() - 1));
    }

    @Test
    void givenCacheCleared_whenNextChunkAttached_thenLoadedFromSnapshotAndAccepted() {
        DisclosureId id = openBulk("ca-dhcs-snapshot-2");
        attachChunks(commands, id, 1, 8);
        application.getBean("disclosureCache", Cache.class).removeAll();

        ChunkAttached ninth = attachChunks(commands, id, 9, 9).get(0);
        application.getBean("disclosureCache", Cache.class).removeAll();
        ChunkAttached ninthAgain = commands.sendAndWait(new AttachSubjects(id, 9, chunk(id, 9)));

        assertThat(ninth.retry()).isFalse();
        assertThat(ninth.subjectsAttached()).isEqualTo(9L * SUBJECTS_PER_CHUNK);
        assertThat(ninthAgain.retry()).isTrue();
        assertThat(sealWithAllChunks(commands, id, 9)).isEqualTo(expectedSeal(id, 9));
    }

    @Test
    void givenSecondApplicationOnSameDatabase_whenChunksAttachedAndSealed_thenStateFromSnapshotIsComplete() {
        DisclosureId id = openBulk("ca-dhcs-snapshot-3");
        attachChunks(commands, id, 1, 7);

        try (ConfigurableApplicationContext second = start(database)) {
            CommandGateway secondCommands = second.getBean(CommandGateway.class);
            assertThat(second.getBean(EventStore.class)
                            .readEvents(id.value())
                            .peek()
                            .getPayload())
                    .isInstanceOf(Disclosure.class);

            attachChunks(secondCommands, id, 8, 8);

            assertThat(sealWithAllChunks(secondCommands, id, 8)).isEqualTo(expectedSeal(id, 8));
        }
    }

    @Test
    void givenNewestSnapshotOfAnotherShape_whenLoaded_thenSkippedAndRebuiltFromEvents() {
        DisclosureId id = openBulk("ca-dhcs-snapshot-4");
        attachChunks(commands, id, 1, 3);
        // Readable, but wrong: were it used, chunk 4 would be refused as out of order.
        insertSnapshot(id, 3, "0123456789abcdef", """
                {"disclosureId":"ca-dhcs-snapshot-4","bulk":true,"sealed":false,"chunksAttached":0,
                 "manifest":{"treeSize":0,"peaks":[]}}""");
        application.getBean("disclosureCache", Cache.class).removeAll();

        attachChunks(commands, id, 4, 4);

        assertThat(sealWithAllChunks(commands, id, 4)).isEqualTo(expectedSeal(id, 4));
    }

    @Test
    void givenNewestSnapshotUnreadable_whenLoaded_thenIgnoredAndRebuiltFromEvents() {
        DisclosureId id = openBulk("ca-dhcs-snapshot-5");
        attachChunks(commands, id, 1, 3);
        insertSnapshot(id, 3, SnapshotRevision.of(Disclosure.class), "{\"noSuchField\":true}");
        application.getBean("disclosureCache", Cache.class).removeAll();

        attachChunks(commands, id, 4, 4);

        assertThat(sealWithAllChunks(commands, id, 4)).isEqualTo(expectedSeal(id, 4));
    }

    @Test
    void givenSnapshotAlreadyStored_whenStoredAgain_thenSkippedWithoutError() {
        EventStorageEngine engine = application.getBean(EventStorageEngine.class);
        TransactionTemplate transaction = application.getBean(TransactionTemplate.class);
        DomainEventMessage<?> snapshot = new GenericDomainEventMessage<>(
                "Disclosure", "ca-dhcs-snapshot-6", 41, Examples.eventsByName().get("DisclosureRecorded"));

        transaction.executeWithoutResult(status -> engine.storeSnapshot(snapshot));
        transaction.executeWithoutResult(status -> engine.storeSnapshot(snapshot));

        assertThat(jdbc.queryForObject(
                        "SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                        Integer.class,
                        "ca-dhcs-snapshot-6"))
                .isEqualTo(1);
    }

    private static ConfigurableApplicationContext start(TestDatabase database) {
        return new SpringApplicationBuilder(EventStoreTestApplication.class)
                .properties(database.springProperties())
                .properties("ledger.event-store.snapshot-threshold=" + THRESHOLD, "spring.main.banner-mode=off")
                .run();
    }

    private DisclosureId openBulk(String name) {
        DisclosureId id = new DisclosureId(name);
        commands.sendAndWait(new OpenBulkDisclosure(id, Examples.details(), null, "open " + name));
        return id;
    }

    private static List<ChunkAttached> attachChunks(CommandGateway gateway, DisclosureId id, int from, int to) {
        List<ChunkAttached> results = new ArrayList<>();
        for (int chunk = from; chunk <= to; chunk++) {
            results.add(gateway.sendAndWait(new AttachSubjects(id, chunk, chunk(id, chunk))));
        }
        return results;
    }

    private static List<PersonRef> chunk(DisclosureId id, int chunk) {
        return Examples.people(id + "-" + chunk, SUBJECTS_PER_CHUNK);
    }

    private static Sealed sealWithAllChunks(CommandGateway gateway, DisclosureId id, int chunks) {
        return gateway.sendAndWait(new SealBulkDisclosure(id, (long) chunks * SUBJECTS_PER_CHUNK));
    }

    private static Sealed expectedSeal(DisclosureId id, int chunks) {
        List<PersonRef> manifest = new ArrayList<>();
        for (int chunk = 1; chunk <= chunks; chunk++) {
            manifest.addAll(chunk(id, chunk));
        }
        return new Sealed(manifest.size(), chunks, Examples.manifestRoot(manifest), false);
    }

    private void insertSnapshot(DisclosureId id, long sequenceNumber, String revision, String json) {
        jdbc.update("""
                INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier,
                    time_stamp, payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, 'Disclosure', gen_random_uuid()::text, '2025-07-01T12:00:00Z', ?, ?,
                    convert_to(?, 'UTF8'), convert_to('{}', 'UTF8'))""", id.value(), sequenceNumber, Disclosure.class.getName(), revision, json);
    }
}
