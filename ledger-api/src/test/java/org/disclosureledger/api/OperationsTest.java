package org.disclosureledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
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

    @Test
    void axonsHandlerTimersAreOff() {
        // Each timer captured its thread's whole stack trace when it started; none interrupts a long bulk chunk.
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class))
                .isEmpty();
        assertThat(context.getBeansOfType(AxonTimeoutAutoConfiguration.class)).isEmpty();
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
    void theStreamPublishersLagAndCountersAreServedAsMetricsToAnOperator() throws InterruptedException {
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
        assertThat(new LedgerClient(port).get("/actuator/metrics").status())
                .as("metrics are for operators")
                .isEqualTo(401);
        assertThat(LedgerClient.recorder(port).get("/actuator/metrics").status())
                .isEqualTo(403);
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
