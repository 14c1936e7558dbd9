package org.disclosureledger.watchdog.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.disclosureledger.watchdog.WatchdogCommand;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code investigate} against a ledger whose investigation queue is full: it waits as the ledger's {@code Retry-After}
 * asks and tries again, within {@code --wait-busy}; past that, or when the 503 says nothing about when to come back, it
 * gives up with one line and exit 2. The ledger here is a small HTTP server on 127.0.0.1 answering with the API's
 * shapes; the real ledger's 503 is checked against this command in the API module's {@code InvestigationApiTest}.
 */
class InvestigateBusyTest {

    private static final String BUSY_DETAIL = "two investigations are running and eight waiting";
    /** The client's clock for the Retry-After dates, a little past a whole second as a real clock would be. */
    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00.400Z");

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final Map<String, byte[]> bundle = BundleFixture.files();
    private final AtomicInteger posts = new AtomicInteger();
    private final List<String> retryAfters = new CopyOnWriteArrayList<>();
    /** What the investigation's status answers, in turn: a state, or {@code busy:} and a Retry-After (or none). */
    private final List<String> statusAnswers = new CopyOnWriteArrayList<>();
    /** The state the accepted investigation starts in. */
    private volatile String accepted = "DONE";

    private HttpServer server;

    @BeforeEach
    void ledger() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/investigations", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void givenTheQueueIsFullTwice_whenInvestigating_thenItWaitsAsAskedAndGetsAValidBundle() throws IOException {
        busy("1", "1");

        int code = investigate("--wait-busy", "5s");

        assertThat(code).as(out + " " + err).isZero();
        assertThat(posts).hasValue(3);
        assertThat(out.toString()).contains("bundle valid");
        assertThat(err.toString().lines().filter(line -> line.startsWith("the ledger is busy")))
                .containsExactly(
                        "the ledger is busy: 503 " + BUSY_DETAIL + "; trying again in 1 s",
                        "the ledger is busy: 503 " + BUSY_DETAIL + "; trying again in 1 s");
    }

    /** Retry-After 0 (or a date already passed) still waits a second, so the budget ends the waiting all the same. */
    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"1", "0"})
    void givenTheLedgerStaysBusy_whenTheWaitsWouldPassWaitBusy_thenOneLineAndExit2(String retryAfter)
            throws IOException {
        busy(retryAfter, retryAfter, retryAfter, retryAfter);

        int code = investigate("--wait-busy", "1s");

        assertThat(code).isEqualTo(WatchdogCommand.ERROR);
        assertThat(posts).hasValue(2);
        assertThat(lastLine())
                .matches("error: the ledger is busy: 503 " + BUSY_DETAIL
                        + "; waiting another 1 s would pass --wait-busy \\(1 s\\) after [0-9.]+ s of waiting");
        assertThat(Files.exists(dir.resolve("bundle.zip"))).isFalse();
    }

    @Test
    void givenWaitBusyZero_whenTheQueueIsFull_thenItGivesUpAtOnce() throws IOException {
        busy("60");

        int code = investigate("--wait-busy", "0s");

        assertThat(code).isEqualTo(WatchdogCommand.ERROR);
        assertThat(posts).hasValue(1);
        assertThat(lastLine())
                .isEqualTo("error: the ledger is busy: 503 " + BUSY_DETAIL
                        + "; waiting another 60 s would pass --wait-busy (0 s) after 0 s of waiting");
    }

    @Test
    void givenA503WithoutRetryAfter_whenInvestigating_thenItIsReportedWithoutWaiting() throws IOException {
        busy((String) null);

        int code = investigate();

        assertThat(code).isEqualTo(WatchdogCommand.ERROR);
        assertThat(posts).hasValue(1);
        assertThat(lastLine()).isEqualTo("error: the ledger refused the investigation: 503 " + BUSY_DETAIL);
    }

    @Test
    void givenTheLedgerBusyWhileTheProgressBarShows_whenItWaits_thenItsMessageStartsOnALineOfItsOwn()
            throws IOException {
        accepted = "QUEUED";
        statusAnswers.addAll(List.of("busy:1", "DONE"));

        int code = investigate("--wait-busy", "5s");

        assertThat(code).as(out + " " + err).isZero();
        assertThat(err.toString())
                .contains("events/s\nthe ledger is busy: 503 " + BUSY_DETAIL + "; trying again in 1 s");
    }

    @Test
    void givenA503WithoutRetryAfterWhileTheProgressBarShows_whenPolling_thenTheErrorIsOnALineOfItsOwn()
            throws IOException {
        accepted = "QUEUED";
        statusAnswers.add("busy:");

        int code = investigate();

        assertThat(code).isEqualTo(WatchdogCommand.ERROR);
        assertThat(err.toString())
                .contains("events/s\nerror: GET /api/v1/investigations/i-1 answered 503: 503 " + BUSY_DETAIL);
    }

    @Test
    void givenAWaitForABusyLedger_whenTheThreadIsInterrupted_thenOneLineExit2AndTheInterruptIsKept() throws Exception {
        busy("60");
        AtomicInteger code = new AtomicInteger(-1);
        AtomicBoolean stillInterrupted = new AtomicBoolean();
        Thread regulator = new Thread(() -> {
            try {
                code.set(investigate("--wait-busy", "5m"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });

        regulator.start();
        Instant deadline = Instant.now().plusSeconds(10);
        while (!err.toString().contains("trying again in 60 s") && Instant.now().isBefore(deadline)) {
            Thread.sleep(10);
        }
        regulator.interrupt();
        regulator.join(10_000);

        assertThat(code).hasValue(WatchdogCommand.ERROR);
        assertThat(lastLine()).isEqualTo("error: interrupted");
        assertThat(stillInterrupted).isTrue();
    }

    static Stream<Arguments> retryAfterValues() {
        return Stream.of(
                argumentSet("seconds", "60", Duration.ofSeconds(60)),
                argumentSet("no wait", "0", Duration.ZERO),
                argumentSet("seconds with spaces around", " 5 ", Duration.ofSeconds(5)),
                argumentSet("more seconds than any budget", "99999999999999", Duration.ofSeconds(999_999_999_999L)),
                argumentSet("a date two minutes ahead", httpDate(NOW.plusSeconds(120)), Duration.ofMinutes(2)),
                argumentSet("a date 1.6 s ahead, rounded up", httpDate(NOW.plusMillis(2_200)), Duration.ofSeconds(2)),
                argumentSet("a date already passed", httpDate(NOW.minusSeconds(60)), Duration.ZERO),
                argumentSet(
                        "an obsolete RFC 850 date two minutes ahead",
                        "Saturday, 05-Dec-26 10:02:00 GMT",
                        Duration.ofSeconds(120)),
                argumentSet(
                        "an obsolete asctime date two minutes ahead",
                        "Sat Dec  5 10:02:00 2026",
                        Duration.ofSeconds(120)),
                argumentSet("words", "soon", null),
                argumentSet("a negative number", "-5", null),
                argumentSet("none", null, null));
    }

    @ParameterizedTest
    @MethodSource("retryAfterValues")
    void retryAfterIsReadInSecondsOrAsAnHttpDate(String header, Duration wait)
            throws IOException, InterruptedException {
        assertThat(InvestigateCommand.retryAfter(answerWith(header), NOW)).isEqualTo(wait);
    }

    /** An HTTP date, which has whole seconds: {@code instant}'s fraction of a second is dropped. */
    private static String httpDate(Instant instant) {
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** The next POSTs answer 503 with these {@code Retry-After} values ({@code null}: none); the one after, 202. */
    private void busy(String... retryAfter) {
        retryAfters.addAll(Arrays.asList(retryAfter));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equals("POST")) {
            int post = posts.getAndIncrement();
            if (post < retryAfters.size()) {
                if (retryAfters.get(post) != null) {
                    exchange.getResponseHeaders().add("Retry-After", retryAfters.get(post));
                }
                send(exchange, 503, "application/problem+json", busyProblem());
            } else {
                send(exchange, 202, "application/json", status(accepted));
            }
        } else if (path.equals("/api/v1/investigations/i-1")) {
            String next = statusAnswers.isEmpty() ? "DONE" : statusAnswers.remove(0);
            if (next.startsWith("busy:")) {
                if (next.length() > "busy:".length()) {
                    exchange.getResponseHeaders().add("Retry-After", next.substring("busy:".length()));
                }
                send(exchange, 503, "application/problem+json", busyProblem());
            } else {
                send(exchange, 200, "application/json", status(next));
            }
        } else if (path.equals("/api/v1/investigations/i-1/bundle")) {
            send(exchange, 200, "application/zip", BundleFixture.zip(bundle));
        } else {
            send(exchange, 404, "text/plain", new byte[0]);
        }
    }

    private static byte[] busyProblem() {
        return ("{\"type\":\"urn:disclosure-ledger:problem:investigations-busy\",\"title\":\"Too many investigations\","
                        + "\"status\":503,\"detail\":\"" + BUSY_DETAIL + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The investigation's status in this state; once DONE, with the digest of the bundle's report. */
    private byte[] status(String state) {
        String digest = new String(bundle.get("report.sha256"), StandardCharsets.US_ASCII).strip();
        long read = state.equals("DONE") ? 5 : 2;
        return ("{\"id\":\"i-1\",\"state\":\"" + state + "\",\"progress\":{\"eventsRead\":" + read
                        + ",\"eventsTotal\":5},\"reportSha256\":\"" + digest + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private int investigate(String... extra) throws IOException {
        Path key = Files.writeString(dir.resolve("ledger.key"), BundleFixture.SIGNER.verifierKey());
        List<String> args = new ArrayList<>(List.of(
                "investigate",
                "--ledger",
                "http://127.0.0.1:" + server.getAddress().getPort(),
                "--from",
                "2025-01-01T00:00:00Z",
                "--to",
                "2026-01-01T00:00:00Z",
                "--as-of-tree-size",
                "5",
                "--public-key",
                key.toString(),
                "--out",
                dir.resolve("bundle.zip").toString()));
        args.addAll(List.of(extra));
        return WatchdogCommand.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
    }

    private String lastLine() {
        List<String> lines = err.toString().lines().toList();
        return lines.get(lines.size() - 1);
    }

    /** A real HTTP answer from the test ledger with this {@code Retry-After} ({@code null}: none). */
    private HttpResponse<byte[]> answerWith(String retryAfter) throws IOException, InterruptedException {
        retryAfters.clear();
        posts.set(0);
        busy(retryAfter);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                        + server.getAddress().getPort() + "/api/v1/investigations"))
                                .POST(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
    }
}
