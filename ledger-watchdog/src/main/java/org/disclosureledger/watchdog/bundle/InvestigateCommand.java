package org.disclosureledger.watchdog.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.watchdog.Durations;
import org.disclosureledger.watchdog.WatchdogCommand;
import org.disclosureledger.watchdog.WatchdogError;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ledger-watchdog investigate}: a regulator's client. Starts an investigation on a ledger, shows a progress bar
 * on stderr while it replays, downloads its evidence bundle and verifies it offline. Exit 0 when the bundle is valid,
 * 1 when it is not, 2 on a usage, connection or ledger error (one line). While the ledger answers 503 with a
 * {@code Retry-After} (its investigation queue is full, say), waits as asked and tries again, for
 * {@code --wait-busy} in all.
 */
@Command(
        name = "investigate",
        mixinStandardHelpOptions = true,
        description = "Starts an investigation, follows it, downloads its evidence bundle and verifies it.")
public final class InvestigateCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int BAR = 30;
    private static final Duration SHORTEST_WAIT = Duration.ofSeconds(1);
    /** What a {@code Retry-After} of more than 12 digits is read as: some 31,700 years, past any sensible budget. */
    private static final long LONGEST_RETRY_AFTER = 999_999_999_999L;

    @Spec
    CommandSpec spec;

    @Option(names = "--ledger", required = true, paramLabel = "URL", description = "The ledger's base URL.")
    URI ledger;

    @Option(names = "--from", required = true, paramLabel = "INSTANT", description = "Occurred at or after.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "INSTANT", description = "Occurred before.")
    String to;

    @Option(names = "--recipient", paramLabel = "AGENCY", description = "A recipient agency id (repeatable).")
    List<String> recipients = new ArrayList<>();

    @Option(names = "--state", paramLabel = "XX", description = "A custodian state (repeatable).")
    List<String> states = new ArrayList<>();

    @Option(names = "--category", paramLabel = "CATEGORY", description = "A data category (repeatable).")
    List<String> categories = new ArrayList<>();

    @Option(names = "--purpose", paramLabel = "CODE", description = "A PurposeOfUse code (repeatable).")
    List<String> purposes = new ArrayList<>();

    @Option(
            names = "--rulebook-version",
            paramLabel = "VERSION",
            description = "Judge under this version (default: the one in force when each disclosure occurred).")
    String rulebookVersion;

    @ArgGroup(exclusive = true, multiplicity = "1")
    AsOf asOf;

    static final class AsOf {
        @Option(names = "--as-of-tree-size", paramLabel = "N", description = "A signed checkpoint's tree size.")
        Long treeSize;

        @Option(
                names = "--as-of",
                paramLabel = "INSTANT",
                description = "The latest checkpoint signed at or before this instant.")
        String instant;
    }

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to save the bundle.")
    Path out;

    @Option(
            names = "--public-key",
            paramLabel = "FILE",
            description = "The pinned verifier key (default: fetched from the ledger, which proves less).")
    Path publicKey;

    @Option(
            names = "--token",
            paramLabel = "TOKEN",
            description = "A regulator's bearer token for the ledger (visible to other users in the process list:"
                    + " prefer --token-file).")
    String token;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description = "A file holding a regulator's bearer token for the ledger.")
    Path tokenFile;

    @Option(
            names = "--wait-busy",
            paramLabel = "DURATION",
            defaultValue = "5m",
            converter = Durations.class,
            description = "How long in all to wait, as its Retry-After asks, while the ledger answers 503 because it is"
                    + " busy (0s: give up at once; default: ${DEFAULT-VALUE}).")
    Duration waitBusy;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** How long this run has spent waiting for a busy ledger so far. */
    private Duration waited = Duration.ZERO;

    /** Whether the progress bar's line is on stderr without its line end. */
    private boolean progressShown;

    @Override
    public Integer call() throws InterruptedException {
        instant("--from", from);
        instant("--to", to);
        if (asOf.instant != null) {
            instant("--as-of", asOf.instant);
        }
        if (token != null && tokenFile != null) {
            throw new WatchdogError("give the token with --token or with --token-file, not both");
        }
        if (tokenFile != null) {
            token = readToken(tokenFile);
        }
        PrintWriter err = spec.commandLine().getErr();
        NoteVerifier pinned = publicKey != null ? VerifyBundleCommand.readKey(publicKey) : null;

        HttpResponse<byte[]> started = send("POST", "/api/v1/investigations", definition());
        if (started.statusCode() != 202) {
            throw new WatchdogError("the ledger refused the investigation: " + problem(started));
        }
        String id = json(started).path("id").asText();
        JsonNode status = json(started);
        try {
            while (status.path("state").asText().equals("QUEUED")
                    || status.path("state").asText().equals("RUNNING")) {
                err.print("\r" + bar(status.path("progress")));
                progressShown = true;
                err.flush();
                Thread.sleep(POLL.toMillis());
                status = json(expectOk(send("GET", "/api/v1/investigations/" + id, null)));
            }
        } catch (RuntimeException e) {
            // The error's one line must not land at the end of the progress bar's.
            endProgressLine();
            throw e;
        }
        err.println("\r" + bar(status.path("progress")));
        progressShown = false;
        if (!status.path("state").asText().equals("DONE")) {
            throw new WatchdogError(
                    "investigation " + id + " ended " + status.path("state").asText() + ": "
                            + status.path("failure").asText());
        }
        byte[] bundle = expectOk(send("GET", "/api/v1/investigations/" + id + "/bundle", null))
                .body();
        try {
            Files.write(out, bundle);
        } catch (IOException e) {
            throw new WatchdogError("cannot write the bundle to " + out + ": " + e.getMessage());
        }
        NoteVerifier key = pinned != null ? pinned : fetchedKey(err);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("investigation " + id + ": bundle saved to " + out);
        BundleVerifier.Result result = new BundleVerifier(key).verify(BundleVerifier.unzip(bundle));
        if (!result.reportSha256().equals(status.path("reportSha256").asText())) {
            stdout.println("REPORT_DIGEST_MISMATCH report.json: the ledger announced "
                    + status.path("reportSha256").asText() + ", the bundle's report hashes to "
                    + result.reportSha256());
            VerifyBundleCommand.report(result, stdout);
            return WatchdogCommand.ALARM;
        }
        return VerifyBundleCommand.report(result, stdout);
    }

    private byte[] definition() {
        ObjectNode body = JSON.createObjectNode();
        body.put("occurredFrom", from);
        body.put("occurredTo", to);
        recipients.forEach(body.putArray("recipients")::add);
        states.forEach(s -> body.withArray("custodianStates").add(s.toUpperCase(Locale.ROOT)));
        categories.forEach(body.putArray("dataCategories")::add);
        purposes.forEach(body.putArray("purposes")::add);
        if (rulebookVersion != null) {
            body.put("rulebookVersion", rulebookVersion);
        }
        ObjectNode point = body.putObject("asOf");
        if (asOf.treeSize != null) {
            point.put("treeSize", asOf.treeSize);
        } else {
            point.put("instant", asOf.instant);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private NoteVerifier fetchedKey(PrintWriter err) throws InterruptedException {
        String text = new String(
                        expectOk(send("GET", "/api/v1/ledger/public-key", null)).body(),
                        java.nio.charset.StandardCharsets.UTF_8)
                .strip();
        err.println("warning: verifying with the key the ledger serves now; pin it with --public-key");
        try {
            return NoteVerifier.fromVerifierKey(text);
        } catch (RuntimeException e) {
            throw new WatchdogError("the ledger's public key is not a verifier key: " + e.getMessage());
        }
    }

    /**
     * Sends a request; while the ledger answers 503 with a {@code Retry-After}, waits as long as it asks (at least
     * {@link #SHORTEST_WAIT}, so that an answer asking for no wait does not turn into a burst of requests) and sends it
     * again, until the time spent so would pass {@code --wait-busy}. A refused request changed nothing on the ledger
     * (an investigation refused as busy is not kept), so sending it again is safe.
     */
    private HttpResponse<byte[]> send(String method, String path, byte[] body) throws InterruptedException {
        HttpResponse<byte[]> response = sendOnce(method, path, body);
        while (response.statusCode() == 503) {
            Duration asked = retryAfter(response, Instant.now());
            if (asked == null) {
                return response;
            }
            Duration wait = asked.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : asked;
            endProgressLine();
            if (waited.plus(wait).compareTo(waitBusy) > 0) {
                throw new WatchdogError("the ledger is busy: " + problem(response) + "; waiting another "
                        + seconds(wait) + " would pass --wait-busy (" + seconds(waitBusy) + ") after "
                        + seconds(waited) + " of waiting");
            }
            PrintWriter err = spec.commandLine().getErr();
            err.println("the ledger is busy: " + problem(response) + "; trying again in " + seconds(wait));
            err.flush();
            long began = System.nanoTime();
            Thread.sleep(wait.toMillis());
            response = sendOnce(method, path, body);
            waited = waited.plus(Duration.ofNanos(System.nanoTime() - began));
        }
        return response;
    }

    /**
     * How long a 503 answer asks to wait: its {@code Retry-After} in seconds (absurdly many read as a wait no budget
     * covers) or as an HTTP date in any of the three forms RFC 9110 has recipients accept (a date already passed is no
     * wait, rounded up to whole seconds); {@code null} when it has none or one that cannot be read, which means not to
     * try again.
     */
    static Duration retryAfter(HttpResponse<?> response, Instant now) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.strip();
        if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            String digits = value.replaceFirst("^0+(?=.)", "");
            return Duration.ofSeconds(digits.length() > 12 ? LONGEST_RETRY_AFTER : Long.parseLong(digits));
        }
        return HttpDate.parse(value, now)
                .map(at -> Duration.ofSeconds(
                        (Math.max(0, Duration.between(now, at).toMillis()) + 999) / 1000))
                .orElse(null);
    }

    /** A duration in seconds: whole ones when it is a whole number of them or 10 or more, else to a tenth. */
    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 == 0 || millis >= 10_000) {
            return Math.round(millis / 1000.0) + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Ends the progress bar's line, if one is showing, so that the next message starts on a line of its own. */
    private void endProgressLine() {
        if (progressShown) {
            spec.commandLine().getErr().println();
            progressShown = false;
        }
    }

    private HttpResponse<byte[]> sendOnce(String method, String path, byte[] body) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(ledger.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new WatchdogError("cannot reach the ledger at " + ledger + ": " + e);
        }
    }

    private static HttpResponse<byte[]> expectOk(HttpResponse<byte[]> response) {
        if (response.statusCode() != 200) {
            throw new WatchdogError(response.request().method() + " "
                    + response.uri().getPath() + " answered " + response.statusCode() + ": " + problem(response));
        }
        return response;
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new WatchdogError(response.uri().getPath() + " did not answer JSON");
        }
    }

    /** A problem document as one line: its detail and the fields at fault. */
    private static String problem(HttpResponse<byte[]> response) {
        try {
            JsonNode problem = JSON.readTree(response.body());
            StringBuilder line = new StringBuilder(
                    response.statusCode() + " " + problem.path("detail").asText());
            for (JsonNode error : problem.path("errors")) {
                line.append("; ")
                        .append(error.path("field").asText())
                        .append(": ")
                        .append(error.path("reason").asText());
            }
            return line.toString();
        } catch (IOException e) {
            return "status " + response.statusCode();
        }
    }

    static String bar(JsonNode progress) {
        long read = progress.path("eventsRead").asLong();
        long total = Math.max(1, progress.path("eventsTotal").asLong());
        int filled = (int) Math.min(BAR, read * BAR / total);
        String left = progress.path("secondsLeft").isNumber()
                ? ", " + progress.path("secondsLeft").asLong() + " s left"
                : "";
        return "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "] " + (read * 100 / total) + "% " + read + "/"
                + total + " events, "
                + Math.round(progress.path("eventsPerSecond").asDouble()) + " events/s" + left;
    }

    private static String readToken(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new WatchdogError("cannot read the token file " + file + ": " + e.getMessage());
        }
        if (text.isEmpty() || text.chars().anyMatch(c -> c <= ' ')) {
            throw new WatchdogError(file + " does not hold a bearer token (one line, no spaces)");
        }
        return text;
    }

    private static void instant(String option, String text) {
        try {
            Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new WatchdogError(option + " '" + text + "' is not an ISO-8601 instant such as 2025-08-12T00:00:00Z");
        }
    }
}
