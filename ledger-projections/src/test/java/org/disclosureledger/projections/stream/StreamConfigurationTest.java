package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The stream is on unless switched off, and a bad processor setting stops the start with what to fix. */
class StreamConfigurationTest {

    @Test
    void givenStreamDisabled_whenApplicationStarts_thenNoPublisherProducerOrProcessorExists() {
        new ApplicationContextRunner()
                .withUserConfiguration(StreamConfiguration.class)
                .withPropertyValues("ledger.stream.enabled=false")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(StreamProducer.class);
                    assertThat(context).doesNotHaveBean(DisclosureStreamPublisher.class);
                    assertThat(context).doesNotHaveBean(CheckpointPublisher.class);
                    assertThat(context).doesNotHaveBean("watchdogStreamProcessor");
                });
    }

    @Test
    void givenBatchSizeOrSegmentsBelowOne_whenConfigured_thenRefusedWithThePropertyToFix() {
        StreamConfiguration configuration = new StreamConfiguration();

        assertThatThrownBy(() -> configuration.watchdogStreamProcessor(0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.stream.batch-size must be at least 1, not 0");
        assertThatThrownBy(() -> configuration.watchdogStreamProcessor(100, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ledger.stream.segments must be at least 1, not 0");
    }
}
