package org.disclosureledger.projections.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.projections.testing.SharedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A processor whose token has gaps (global indexes it passed before they were committed) reads the events in its gaps,
 * then those after its position, in global index order and a batch at a time, as with Axon's own statement; the
 * storage engine reads them in two index range reads instead ({@link AppendOnlyJpaEventStorageEngine#fetchEvents}).
 * Batches of 2, so that the gaps alone fill a batch and a batch holds both kinds.
 */
@SpringBootTest(classes = EventStoreTestApplication.class, properties = "ledger.event-store.batch-size=2")
class GapReadTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        SharedPostgres.registerFreshDatabase(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStorageEngine storage;

    @Test
    void givenATokenWithGaps_whenEventsAreRead_thenTheGapsComeFirstThenThoseAfterItInOrderAndNothingElse() {
        IntStream.range(0, 8)
                .forEach(i -> commands.sendAndWait(new RecordDisclosure(
                        new DisclosureId("gap-read-" + i),
                        Examples.details(),
                        Examples.people("gap-read-" + i, 1),
                        null,
                        "gap-read-" + i)));
        List<? extends TrackedEventMessage<?>> stored =
                storage.readEvents(null, false).toList();
        assertThat(stored).hasSize(8);
        List<Long> indexes = stored.stream()
                .map(e -> e.trackingToken().position().orElseThrow())
                .toList();

        // Passed the sixth, with the second, third and fifth not yet seen.
        GapAwareTrackingToken token = GapAwareTrackingToken.newInstance(
                indexes.get(5), List.of(indexes.get(1), indexes.get(2), indexes.get(4)));
        List<? extends TrackedEventMessage<?>> read =
                storage.readEvents(token, false).toList();

        assertThat(identifiers(read))
                .containsExactlyElementsOf(identifiers(
                        List.of(stored.get(1), stored.get(2), stored.get(4), stored.get(6), stored.get(7))));
        assertThat(read.get(read.size() - 1).trackingToken())
                .as("the last one read leaves the token at the last event, with no gap left")
                .isEqualTo(GapAwareTrackingToken.newInstance(indexes.get(7), List.of()));
    }

    private static List<String> identifiers(List<? extends TrackedEventMessage<?>> events) {
        return events.stream().map(TrackedEventMessage::getIdentifier).toList();
    }
}
