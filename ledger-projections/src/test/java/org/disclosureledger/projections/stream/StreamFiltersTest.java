package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.jackson.JsonFormat;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisputeDisclosure;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.stream.StreamAttributes;
import org.disclosureledger.core.stream.StreamKind;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.testing.SharedKafka;
import org.disclosureledger.projections.testing.TestTopics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With one entry per batch, every follow-on's filter attributes come from the event store: each message carries its
 * disclosure's attributes as they stood after its own event, never those of a correction stored after it.
 */
@SpringBootTest(classes = StreamTestApplication.class)
@DirtiesContext
class StreamFiltersTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = StreamTestApplication.register(registry);
        registry.add("ledger.stream.batch-size", () -> "1");
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StreamRelay relay;

    @Test
    void givenFollowOnsBeforeAndAfterACorrection_whenPublishedOneByOne_thenEachCarriesTheFiltersAsOfItsOwnEvent() {
        DisclosureId single = new DisclosureId("filters-single");
        List<PersonRef> subjects = StreamExamples.people("filters-single", 2);
        relay.stop();
        try {
            // All stored before the relay looks: the correction is in the event store when the dispute before it is
            // published.
            commands.sendAndWait(new RecordDisclosure(single, StreamExamples.toIce(), subjects, null, "r-filters"));
            commands.sendAndWait(new DisputeDisclosure(
                    single, new FollowOnId("dispute-1"), subjects.get(0), "Not me", "d1-filters"));
            commands.sendAndWait(new CorrectDisclosure(
                    single, new FollowOnId("correction-1"), StreamExamples.toOig(), "Wrong agency", "c-filters"));
            commands.sendAndWait(new DisputeDisclosure(
                    single, new FollowOnId("dispute-2"), subjects.get(1), "Not me either", "d2-filters"));
            StreamCommands.recordBulk(
                    commands,
                    "filters-bulk",
                    List.of(StreamExamples.people("filters-bulk-a", 2), StreamExamples.people("filters-bulk-b", 1)));
            long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
            Awaitility.await()
                    .atMost(PATIENCE)
                    .until(() -> jdbc.queryForObject("select count(*) from ledger_entry", Long.class) == events);
        } finally {
            relay.start();
        }

        List<CloudEvent> singles = messagesOf("filters-single", 4);
        List<CloudEvent> bulk = messagesOf("filters-bulk", 4);

        assertThat(singles.stream().map(CloudEvent::getType))
                .containsExactly(
                        StreamKind.RECORDED.type(),
                        StreamKind.DISPUTED.type(),
                        StreamKind.CORRECTED.type(),
                        StreamKind.DISPUTED.type());
        assertThat(singles.stream().map(e -> e.getExtension(StreamAttributes.RECIPIENT_AGENCY)))
                .as("the first dispute as recorded, the rest as corrected")
                .containsExactly("us-dhs-ice", "us-dhs-ice", "us-hhs-oig", "us-hhs-oig");
        assertThat(singles.stream().map(e -> e.getExtension(StreamAttributes.DATA_CATEGORIES)))
                .containsExactly(
                        "ADDRESS,IMMIGRATION_STATUS,NAME,SSN",
                        "ADDRESS,IMMIGRATION_STATUS,NAME,SSN",
                        "CLAIMS,NAME",
                        "CLAIMS,NAME");
        assertThat(singles.stream().map(e -> e.getExtension(StreamAttributes.PURPOSE)))
                .containsExactly("LAW", "LAW", "OVERSIGHT", "OVERSIGHT");
        assertThat(bulk.stream().map(e -> e.getExtension(StreamAttributes.RECIPIENT_AGENCY)))
                .as("the chunks and the seal as opened")
                .containsExactly("us-dhs-ice", "us-dhs-ice", "us-dhs-ice", "us-dhs-ice");
        assertThat(bulk.stream().map(e -> e.getExtension(StreamAttributes.CUSTODIAN_STATE)))
                .containsOnly("CA");
    }

    /** A disclosure's messages on the disclosures topic, in the order of their sequence numbers. */
    private List<CloudEvent> messagesOf(String disclosureId, int count) {
        try (TopicReader reader = new TopicReader(SharedKafka.bootstrapServers(), topics.disclosures())) {
            return reader
                    .readUntil(
                            records -> records.stream()
                                            .filter(r -> r.key().equals(disclosureId))
                                            .count()
                                    >= count,
                            PATIENCE)
                    .stream()
                    .filter(r -> r.key().equals(disclosureId))
                    .map(r -> new JsonFormat().deserialize(r.value()))
                    .sorted(Comparator.comparing(e -> Long.parseLong(
                            e.getExtension(StreamAttributes.DISCLOSURE_SEQUENCE).toString())))
                    .toList();
        }
    }
}
