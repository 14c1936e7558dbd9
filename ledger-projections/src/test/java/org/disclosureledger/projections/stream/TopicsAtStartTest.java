package org.disclosureledger.projections.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
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
 * A ledger that has recorded nothing yet still has its stream's topics, so that a watchdog can subscribe from the
 * first day (it refuses topics that do not exist).
 */
@SpringBootTest(classes = StreamTestApplication.class)
@DirtiesContext
class TopicsAtStartTest {

    static TestTopics topics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        topics = StreamTestApplication.register(registry);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenALedgerWithNoEntries_whenTheApplicationHasStarted_thenItsThreeTopicsExist() {
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Long.class))
                .isZero();

        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
            Awaitility.await()
                    .atMost(Duration.ofSeconds(30))
                    .until(
                            () -> admin.listTopics().names().get(),
                            names -> names.containsAll(
                                    Set.of(topics.disclosures(), topics.checkpoints(), topics.alerts())));
        }
    }
}
