package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The stream is on unless switched off, and a bad relay setting stops the start with what to fix. */
class StreamConfigurationTest {

    @Test
    void givenStreamDisabled_whenApplicationStarts_thenNoRelayPublisherOrProducerExists() {
        new ApplicationContextRunner()
                .withUserConfiguration(StreamConfiguration.class)
                .withPropertyValues("ledger.stream.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(StreamProducer.class);
                    assertThat(context).doesNotHaveBean(DisclosureStreamPublisher.class);
                    assertThat(context).doesNotHaveBean(CheckpointPublisher.class);
                    assertThat(context).doesNotHaveBean(StreamRelay.class);
                });
    }

    @Test
    void givenBatchSizeOutOfRangeOrNoPoll_whenConfigured_thenRefusedWithThePropertyToFix() {
        assertThatThrownBy(() -> relay(0, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.stream.batch-size must be from 1 to 10000, not 0");
        assertThatThrownBy(() -> relay(10_001, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.stream.batch-size must be from 1 to 10000, not 10001");
        assertThatThrownBy(() -> relay(500, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.stream.poll must be positive, not PT0S");
        assertThatThrownBy(() -> relay(500, Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.stream.poll must be positive, not PT-0.001S");
    }

    private static StreamRelay relay(int batchSize, Duration poll) {
        return new StreamRelay(null, null, null, null, null, batchSize, poll);
    }
}
