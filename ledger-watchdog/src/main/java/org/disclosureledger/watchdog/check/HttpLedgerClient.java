package org.disclosureledger.watchdog.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * The ledger's API over HTTP: {@code GET {ledger}/api/v1/ledger/proofs/inclusion}, {@code /proofs/consistency} and
 * {@code /public-key}.
 */
public final class HttpLedgerClient implements LedgerClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Client errors that say nothing about the proof asked for: the request is to be made again later. */
    private static final Set<Integer> NO_ANSWER_YET = Set.of(401, 403, 407, 408, 425, 429);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;

    /** @param ledgerUrl the ledger's base URL, such as {@code https://ledger.example.gov} */
    public HttpLedgerClient(URI ledgerUrl) {
        String scheme = ledgerUrl.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || ledgerUrl.getHost() == null) {
            throw new IllegalArgumentException(
                    "the ledger URL must be http:// or https:// with a host, such as http://127.0.0.1:8080 (got '"
                            + ledgerUrl + "')");
        }
        String url = ledgerUrl.toString();
        this.base = (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/api/v1/ledger";
        this.http = HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    @Override
    public List<Sha256Hash> inclusionProof(long index, long treeSize) {
        return hashes(json("/proofs/inclusion?index=" + index + "&treeSize=" + treeSize));
    }

    @Override
    public List<Sha256Hash> consistencyProof(long from, long to) {
        return hashes(json("/proofs/consistency?from=" + from + "&to=" + to));
    }

    @Override
    public String publicKey() {
        return get("/public-key").strip();
    }

    private JsonNode json(String path) {
        String body = get(path);
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new Unavailable("the ledger's answer to " + path + " is not JSON");
        }
    }

    private static List<Sha256Hash> hashes(JsonNode answer) {
        JsonNode proof = answer.path("proof");
        if (!proof.isArray()) {
            throw new Refused("the ledger's answer holds no proof array");
        }
        List<Sha256Hash> hashes = new ArrayList<>(proof.size());
        for (JsonNode hash : proof) {
            try {
                hashes.add(Sha256Hash.fromHex(hash.asText()));
            } catch (InvalidValue e) {
                throw new Refused("the ledger's proof holds a value that is not a hash: " + e.getMessage());
            }
        }
        return hashes;
    }

    private String get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(TIMEOUT)
                .GET()
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new Unavailable("cannot reach the ledger at " + base + ": connection refused or host unreachable");
        } catch (HttpTimeoutException e) {
            throw new Unavailable(
                    "cannot reach the ledger at " + base + ": no answer within " + TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new Unavailable("cannot reach the ledger at " + base + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted while asking the ledger at " + base);
        }
        int status = response.statusCode();
        if (NO_ANSWER_YET.contains(status)) {
            // A proxy or the ledger turning the request away for now (too many requests, a timeout, credentials):
            // no answer about the proof, so nothing is rejected for it; the next round asks again.
            throw new Unavailable("the ledger at " + base + " answered HTTP " + status + " for " + path + ": "
                    + detail(response.body()));
        }
        if (status >= 400 && status < 500) {
            throw new Refused("HTTP " + status + " for " + path + ": " + detail(response.body()));
        }
        if (status != 200) {
            throw new Unavailable("the ledger at " + base + " answered HTTP " + status + " for " + path);
        }
        return response.body();
    }

    private static String detail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // not a problem document: show the start of the body instead
        }
        String text = body == null ? "" : body.strip().replaceAll("\\s+", " ");
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
