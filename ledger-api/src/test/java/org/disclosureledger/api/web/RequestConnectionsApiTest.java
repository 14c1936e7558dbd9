package org.disclosureledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.api.Examples.disclosure;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.disclosureledger.api.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A request takes its database connection from the pool kept for requests: while background work holds every
 * connection of its own pool ({@code ledger.database.background-pool-size}, here 2), a disclosure is still recorded at
 * once, and the processors build its history once their connections are free again.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.database.background-pool-size=2", "spring.datasource.hikari.connection-timeout=3000"})
class RequestConnectionsApiTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    MeterRegistry meters;

    @Test
    void givenTheApplicationStarted_whenItsMetricsAreRead_thenBothPoolsHaveHikarisMetrics() throws Exception {
        Map<String, Double> largestByPool = meters.find("hikaricp.connections.max").gauges().stream()
                .collect(Collectors.toMap(gauge -> gauge.getId().getTag("pool"), Gauge::value));

        assertThat(dataSource.unwrap(HikariDataSource.class).getPoolName()).isEqualTo("ledger");
        assertThat(largestByPool).containsEntry("ledger", 10.0).containsEntry("ledger-background", 2.0);
        assertThat(meters.find("hikaricp.connections.pending")
                        .tag("pool", "ledger-background")
                        .gauge())
                .isNotNull();
    }

    @Test
    @Timeout(90)
    void givenTheBackgroundPoolFullyHeld_whenADisclosureIsRecorded_then201AndItsHistoryFollowsOnceItIsFree()
            throws Exception {
        LedgerClient client = LedgerClient.recorder(port);

        LedgerClient.Response recorded;
        try (Connection first = dataSource.getConnection();
                Connection second = dataSource.getConnection()) {
            assertThatThrownBy(dataSource::getConnection)
                    .as("this test thread is background work, and holds its pool's two connections")
                    .isInstanceOf(SQLTransientConnectionException.class);
            recorded = client.postJson("/api/v1/disclosures", disclosure("own-pool-1", "OWNPOOL001"));
        }

        assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
        LedgerClient enrollee = client.as(TestTokens.enrollee("CA", "OWNPOOL001"));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (enrollee.get("/api/v1/me/history").json().path("totalEntries").asLong() == 0) {
            assertThat(Instant.now()).as("history built within 60 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
