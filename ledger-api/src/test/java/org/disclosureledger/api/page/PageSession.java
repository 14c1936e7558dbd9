package org.disclosureledger.api.page;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser's visit to the page over plain HTTP: it keeps the cookies the page sets (the session), follows no
 * redirect (so a test sees each one), and posts forms as a browser would, form-urlencoded.
 */
final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;

    PageSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), HttpResponse.BodyHandlers.ofString());
    }

    /** A GET with extra request headers, such as an {@code Origin}. */
    HttpResponse<String> get(String path, String header, String value) {
        return send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header(header, value)
                        .GET(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        return send(form(path, fields), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> postForBytes(String path, Map<String, String> fields) {
        return send(form(path, fields), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Signs in with a bearer token the way the sign-in page's form does: the CSRF token taken from the page. */
    HttpResponse<String> signIn(String bearerToken) {
        String csrf = csrfOf(get(PageRenderer.SIGN_IN).body());
        return post(PageRenderer.SIGN_IN, Map.of("_csrf", csrf, "token", bearerToken));
    }

    /** The session cookie's value, if the page set one. */
    Optional<String> sessionId() {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    /** The CSRF token in a page's forms. */
    static String csrfOf(String page) {
        Matcher matcher = CSRF.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("the page has no CSRF field");
        }
        return matcher.group(1);
    }

    private HttpRequest.Builder form(String path, Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
