package org.disclosureledger.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the running application, as an outside caller would use it. */
public final class LedgerClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;

    /** A caller without a token: only the public endpoints answer it. */
    public LedgerClient(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private LedgerClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same application, called with this bearer token ({@link TestTokens}). */
    public LedgerClient as(String bearerToken) {
        return new LedgerClient(base, bearerToken);
    }

    /**
     * The same application, called with a token its development issuer hands out for this user (only where it runs:
     * the embedded default); the issuer's key lives in memory, so a restarted application needs a new token.
     */
    public LedgerClient asDevUser(java.util.Map<String, Object> user) {
        Response token = postJson("/dev/tokens", user);
        if (token.status() != 200) {
            throw new IllegalStateException("the development issuer answered " + token.status() + ": " + token.body());
        }
        return as(token.json().path("accessToken").asString());
    }

    /** A caller with a token for a recorder of California, the custodian of most test disclosures. */
    public static LedgerClient recorder(int port) {
        return new LedgerClient(port).as(TestTokens.recorder("CA"));
    }

    /** A response: status, content type, headers, and body as text and, when it is JSON, as a tree. */
    public record Response(int status, String contentType, String body, HttpHeaders headers) {

        /** The first value of a header, if the response has it. */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public Response postJson(String path, Object body) {
        return send("POST", path, "application/json", JSON.writeValueAsBytes(body));
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** A GET whose body is kept as bytes, such as a zip. */
    public byte[] getBytes(String path) {
        return getBytes(path, "*/*");
    }

    /** A GET of bytes in a format the caller accepts, such as a PDF. */
    public byte[] getBytes(String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", accept)
                .GET();
        authorise(request);
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response send(String method, String path, String contentType, byte[] body) {
        HttpRequest.BodyPublisher publisher =
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        return exchange(method, path, contentType, publisher);
    }

    /** Sends a body with no declared length (chunked transfer), as a streaming client would. */
    public Response sendStreamed(String method, String path, String contentType, Supplier<InputStream> body) {
        return exchange(method, path, contentType, HttpRequest.BodyPublishers.ofInputStream(body));
    }

    private Response exchange(String method, String path, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        authorise(request);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body(),
                    response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void authorise(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
    }

    public static byte[] json(Object body) {
        return JSON.writeValueAsBytes(body);
    }
}
