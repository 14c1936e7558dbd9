package org.disclosureledger.watchdog.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the watchdog makes of the ledger's (or a proxy's) HTTP answers: a refusal about the proof asked for is final
 * (the checkpoint or event it concerns fails), an answer that says nothing about it is asked again later.
 */
class HttpLedgerClientTest {

    private final AtomicInteger status = new AtomicInteger();
    private HttpServer server;
    private HttpLedgerClient client;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{\"detail\":\"as the test says\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = new HttpLedgerClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {401, 403, 408, 429, 500, 503})
    void givenAnAnswerThatSaysNothingAboutTheProof_whenAsked_thenUnavailableToBeAskedAgain(int code) {
        status.set(code);

        assertThatThrownBy(() -> client.consistencyProof(5, 8))
                .isInstanceOf(LedgerClient.Unavailable.class)
                .hasMessageContaining("HTTP " + code);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {400, 404, 422})
    void givenARefusalOfTheProofAskedFor_whenAsked_thenRefusedWithTheLedgersWords(int code) {
        status.set(code);

        assertThatThrownBy(() -> client.consistencyProof(5, 8))
                .isInstanceOf(LedgerClient.Refused.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("HTTP " + code, "as the test says"));
    }
}
