package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * With no broker answering, the producer refuses each record only after {@code max.block.ms}, waiting for the topic's
 * metadata: a batch stops being handed over at the first refusal instead of waiting that long once per record.
 */
class StreamProducerOutageTest {

    @Test
    void givenNoBrokerAnswering_whenABatchIsHandedOver_thenItStopsAtTheFirstRecordRefused() throws IOException {
        Map<String, Object> settings = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                "127.0.0.1:" + portNobodyListensOn(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                500);
        List<ProducerRecord<String, byte[]>> batch = IntStream.range(0, 20)
                .mapToObj(i -> StreamProducer.record(
                        "outage-disclosures", "disclosure-" + i, "{}".getBytes(StandardCharsets.UTF_8)))
                .toList();

        try (StreamProducer producer = new StreamProducer(settings, Duration.ofSeconds(3))) {
            assertThatThrownBy(() -> producer.send("outage-disclosures", batch))
                    .isInstanceOf(StreamPublishFailure.class)
                    .hasMessageContaining("refused message 1 of 20 at once");
        }
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
