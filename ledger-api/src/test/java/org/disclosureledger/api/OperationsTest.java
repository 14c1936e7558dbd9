package org.disclosureledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.disclosureledger.projections.access.HistoryAccessProjection;
import org.disclosureledger.projections.history.PersonHistoryProjection;
import org.disclosureledger.projections.integrity.SequencerConfiguration;
import org.disclosureledger.projections.stream.StreamConfiguration;
import org.disclosureledger.projections.summary.AgencySummaryProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What an operator and an integrator find: health probes, the stream's metrics, the OpenAPI document and Swagger UI. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OperationsTest {

    @DynamicPropertySource
    static void ledger(DynamicPropertyRegistry registry) {
        TestLedger.configure(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MeterRegistry meters;

    @Test
    void axonsHandlerTimersAreOff() {
        // Each timer captured its thread's whole stack trace when it started; none interrupts a long bulk chunk.
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class))
                .isEmpty();
        assertThat(context.getBeansOfType(AxonTimeoutAutoConfiguration.class)).isEmpty();
    }

    @Test
    void springSecuritysObservationsAreOff() throws InterruptedException {
        // An accepted request is timed once, as http.server.requests; with Spring Security's observations on, their
        // spring.security.* long-task timers would have been registered before the answer was sent.
        LedgerClient.Response response =
                new LedgerClient(port).as(TestTokens.admin()).get("/actuator/metrics");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (metricsRequestTimer() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(metricsRequestTimer())
                .as("positive control: this request was timed")
                .isNotNull();
        assertThat(meters.getMeters())
                .extracting(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security."));
    }

    private Timer metricsRequestTimer() {
        return meters.find("http.server.requests")
                .tag("uri", "/actuator/metrics")
                .tag("status", "200")
                .timer();
    }

    @Test
    void everyConnectionWaitsAtMostThirtySecondsForALock() {
        // In place of the timers' interrupts: a command or batch stuck behind a lock fails and rolls back instead.
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

        assertThat(jdbc.queryForObject("SHOW lock_timeout", String.class)).isEqualTo("30s");
    }

    @Test
    void livenessReadinessWithTheDatabaseAndOverallHealthAreUp() {
        LedgerClient client = new LedgerClient(port);

        assertThat(client.get("/actuator/health/liveness").json().path("status").asString())
                .isEqualTo("UP");
        var readiness = client.get("/actuator/health/readiness").json();
        assertThat(readiness.path("status").asString()).isEqualTo("UP");
        assertThat(readiness.path("components").path("db").path("status").asString())
                .isEqualTo("UP");
        assertThat(client.get("/actuator/health").json().path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void theStreamsLagAndCounters_andTheUnsignedEntries_areServedAsMetricsToAnOperator() throws InterruptedException {
        LedgerClient client = LedgerClient.recorder(port).as(TestTokens.admin());
        assertThat(LedgerClient.recorder(port)
                        .postJson("/api/v1/disclosures", Examples.disclosure("ops-1", "OPS0001"))
                        .status())
                .isEqualTo(201);

        double published = 0;
        for (int attempt = 0; attempt < 120 && published == 0; attempt++) {
            Thread.sleep(250);
            LedgerClient.Response meter = client.get("/actuator/metrics/ledger.stream.published");
            assertThat(meter.status()).as(meter.body()).isEqualTo(200);
            published = meter.json().path("measurements").get(0).path("value").asDouble();
        }
        assertThat(published).as("messages the broker acknowledged").isPositive();
        LedgerClient.Response lag = client.get("/actuator/metrics/ledger.stream.lag");
        assertThat(lag.status()).isEqualTo(200);
        assertThat(lag.json().path("measurements").get(0).path("value").isNumber())
                .isTrue();
        assertThat(client.get("/actuator/metrics/ledger.stream.publish.failures")
                        .status())
                .isEqualTo(200);
        LedgerClient.Response unsigned = client.get("/actuator/metrics/ledger.checkpoint.unsigned");
        assertThat(unsigned.status()).as(unsigned.body()).isEqualTo(200);
        assertThat(unsigned.json().path("measurements").get(0).path("value").asDouble())
                .as("entries no signed checkpoint covers")
                .isGreaterThanOrEqualTo(0.0);
        assertThat(new LedgerClient(port).get("/actuator/metrics").status())
                .as("metrics are for operators")
                .isEqualTo(401);
        assertThat(LedgerClient.recorder(port).get("/actuator/metrics").status())
                .isEqualTo(403);
    }

    @Test
    void everyProcessorsLagCountsTheEventsItHasNotHandledAndFallsToZeroOnceItCaughtUp() throws InterruptedException {
        LedgerClient admin = LedgerClient.recorder(port).as(TestTokens.admin());
        LedgerClient.Response all = admin.get("/actuator/metrics/ledger.processor.lag");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        List<String> processors = new ArrayList<>();
        all.json().path("availableTags").get(0).path("values").forEach(value -> processors.add(value.asString()));
        assertThat(processors)
                .containsExactlyInAnyOrder(
                        PersonHistoryProjection.PROCESSING_GROUP,
                        AgencySummaryProjection.PROCESSING_GROUP,
                        HistoryAccessProjection.PROCESSING_GROUP,
                        SequencerConfiguration.PROCESSING_GROUP,
                        StreamConfiguration.PUBLISHER_NAME);

        EventProcessor summaries = processing
                .eventProcessor(AgencySummaryProjection.PROCESSING_GROUP)
                .orElseThrow();
        summaries.shutDown();
        try {
            for (int n = 1; n <= 2; n++) {
                assertThat(LedgerClient.recorder(port)
                                .postJson("/api/v1/disclosures", Examples.disclosure("ops-lag-" + n, "OPSLAG" + n))
                                .status())
                        .isEqualTo(201);
            }
            assertThat(lag(admin, AgencySummaryProjection.PROCESSING_GROUP))
                    .as("two disclosures recorded while the summaries were stopped")
                    .isGreaterThanOrEqualTo(2);
        } finally {
            summaries.start();
        }
        double lag = -1;
        for (int attempt = 0; attempt < 240 && lag != 0; attempt++) {
            Thread.sleep(250);
            lag = lag(admin, AgencySummaryProjection.PROCESSING_GROUP);
        }
        assertThat(lag).as("lag once the summaries caught up").isZero();
        assertThat(new LedgerClient(port)
                        .get("/actuator/metrics/ledger.processor.lag")
                        .status())
                .isEqualTo(401);
    }

    private static double lag(LedgerClient admin, String processor) {
        LedgerClient.Response meter = admin.get("/actuator/metrics/ledger.processor.lag?tag=processor:" + processor);
        assertThat(meter.status()).as(meter.body()).isEqualTo(200);
        return meter.json().path("measurements").get(0).path("value").asDouble();
    }

    @Test
    void theOpenApiDocumentDescribesTheRecordingEndpoints() {
        LedgerClient.Response document = new LedgerClient(port).get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("paths").propertyNames())
                .contains(
                        "/api/v1/disclosures",
                        "/api/v1/disclosures/{disclosureId}",
                        "/api/v1/bulk-disclosures",
                        "/api/v1/bulk-disclosures/{disclosureId}/chunks/{chunkNumber}",
                        "/api/v1/bulk-disclosures/{disclosureId}/seal",
                        "/api/v1/disclosures/{disclosureId}/corrections");
    }

    @Test
    void swaggerUiIsServed() {
        LedgerClient.Response ui = new LedgerClient(port).get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("Swagger UI");
    }
}
