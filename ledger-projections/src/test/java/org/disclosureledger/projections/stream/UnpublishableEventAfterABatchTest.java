package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
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
 * With batches of one entry, an event whose message cannot be made comes in the batch after a publishable one, whose
 * acknowledgements the relay is waiting for meanwhile: that batch is published once and recorded as published, and
 * the relay's row stays before the unpublishable event, however often the relay retries it.
 */
@SpringBootTest(classes = UnsequencedTestApplication.class, properties = "ledger.stream.batch-size=1")
@DirtiesContext
class UnpublishableEventAfterABatchTest {

    static final Duration PATIENCE = Duration.ofSeconds(60);
    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = UnsequencedTestApplication.register(registry);
    }

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void givenAnUnpublishableEventAfterAPublishableBatch_whenRelayed_thenTheBatchBeforeIsPublishedOnceAndRecorded()
            throws Exception {
        UnpublishableEventTest.recordThenStoreAnUnpublishableEvent(commands, jdbc);

        // The first retry comes a second after the first failure, the second two seconds after that.
        Awaitility.await().atMost(PATIENCE).until(() -> failures() >= 3);

        assertThat(jdbc.queryForObject("select published_entries from stream_relay", Long.class))
                .as("the row moved past the acknowledged batch, and not past the unpublishable event")
                .isEqualTo(1);
        assertThat(TopicReader.messagesOn(SharedKafka.bootstrapServers(), topics.disclosures()))
                .as("the batch before the unpublishable event, sent once, not again at each retry")
                .isEqualTo(1);
    }

    private double failures() {
        return meters.get(StreamMetrics.FAILURES)
                .tag("topic", StreamMetrics.DISCLOSURES)
                .counter()
                .count();
    }
}
