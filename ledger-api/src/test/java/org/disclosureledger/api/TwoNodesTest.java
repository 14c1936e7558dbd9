package org.disclosureledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Two application nodes share one database, as in a scaled-out deployment. Identical requests sent to both at the
 * same moment record the disclosure exactly once: the node that loses the race sees the other's event and answers
 * with the original result instead of an error.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwoNodesTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    Environment environment;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenTwoNodes_whenIdenticalRequestsRace_thenEachDisclosureIsRecordedOnceAndNoCallerSeesAnError()
            throws Exception {
        try (ConfigurableApplicationContext secondNode = startSecondNode()) {
            // The second node's data source is Spring Boot's, from a JDBC URL, as in production: its lock waits are
            // bounded like the embedded default's (OperationsTest).
            assertThat(secondNode.getBean(JdbcTemplate.class).queryForObject("SHOW lock_timeout", String.class))
                    .isEqualTo("30s");
            List<LedgerClient> nodes = List.of(
                    LedgerClient.recorder(port),
                    LedgerClient.recorder(((WebServerApplicationContext) secondNode)
                            .getWebServer()
                            .getPort()));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 10; round++) {
                    String id = "two-nodes-" + round;
                    List<Integer> statuses = race(pool, nodes, Examples.disclosure(id, "NODES" + round));

                    assertThat(statuses).as(id).containsOnly(201, 200).containsOnlyOnce(201);
                    assertThat(jdbc.queryForObject(
                                    "select count(*) from domain_event_entry where aggregate_identifier = ?"
                                            + " and payload_type = 'DisclosureRecorded'",
                                    Long.class,
                                    id))
                            .isEqualTo(1);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static List<Integer> race(ExecutorService pool, List<LedgerClient> nodes, Map<String, Object> body)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<LedgerClient.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            LedgerClient node = nodes.get(i % nodes.size());
            answers.add(pool.submit(() -> {
                start.await();
                return node.postJson("/api/v1/disclosures", body);
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<LedgerClient.Response> answer : answers) {
            LedgerClient.Response response = answer.get(60, TimeUnit.SECONDS);
            statuses.add(response.status());
        }
        return statuses;
    }

    private ConfigurableApplicationContext startSecondNode() {
        return new SpringApplicationBuilder(LedgerApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "--spring.kafka.bootstrap-servers=" + environment.getProperty("spring.kafka.bootstrap-servers"),
                        "--ledger.pseudonym.key-file=" + environment.getProperty("ledger.pseudonym.key-file"),
                        "--ledger.checkpoint.signing-key-file="
                                + environment.getProperty("ledger.checkpoint.signing-key-file"),
                        "--ledger.data-dir=" + environment.getProperty("ledger.data-dir"),
                        "--ledger.stream.topics.disclosures="
                                + environment.getProperty("ledger.stream.topics.disclosures"),
                        "--ledger.stream.topics.checkpoints="
                                + environment.getProperty("ledger.stream.topics.checkpoints"),
                        "--ledger.stream.topics.alerts=" + environment.getProperty("ledger.stream.topics.alerts"),
                        "--spring.security.oauth2.resourceserver.jwt.public-key-location="
                                + environment.getProperty(
                                        "spring.security.oauth2.resourceserver.jwt.public-key-location"),
                        "--ledger.security.issuer=" + environment.getProperty("ledger.security.issuer"));
    }
}
