package org.disclosureledger.api.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.api.Examples.disclosure;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.disclosureledger.api.LedgerClient;
import org.disclosureledger.api.TestLedger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A disclosure whose recording waits longer than {@code ledger.database.lock-timeout} for a lock (here another
 * session holds the event table locked against writes) answers 503 problem+json, records nothing, and succeeds when
 * sent again once the lock is gone.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ledger.database.lock-timeout=300ms")
class LockTimeoutApiTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    @Timeout(60)
    void givenTheEventTableLockedAgainstWrites_whenADisclosureIsRecorded_then503AndNothingRecorded() throws Exception {
        LedgerClient client = LedgerClient.recorder(port);
        long eventsBefore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);

        LedgerClient.Response refused;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("LOCK TABLE domain_event_entry IN EXCLUSIVE MODE");
            }
            refused = client.postJson("/api/v1/disclosures", disclosure("locked-out-1", "LOCKED0001"));
            holder.rollback();
        }

        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).contains("5");
        assertThat(refused.json().path("type").asString()).isEqualTo("urn:disclosure-ledger:problem:busy");
        assertThat(refused.json().path("detail").asString())
                .contains("nothing was recorded")
                .contains("send it again");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class))
                .isEqualTo(eventsBefore);

        assertThat(client.postJson("/api/v1/disclosures", disclosure("locked-out-1", "LOCKED0001"))
                        .status())
                .isEqualTo(201);
    }
}
