package org.disclosureledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.disclosureledger.api.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds how fast one caller can read people's histories: at most {@code ledger.security.lookups-per-minute}
 * (default 60) look-ups per signed-in caller per minute, over the enrollee's own endpoints, officials' look-ups and
 * the page's. Past that, 429 {@code too-many-requests} with a {@code Retry-After}. Counted per caller (token subject)
 * on this node, after authentication, so nobody can use up another caller's allowance; a cluster of nodes allows
 * that many per node.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class LookupRateLimit extends OncePerRequestFilter {

    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final int MAX_CALLERS_TRACKED = 100_000;

    private final int perWindow;
    private final Clock clock;
    private final JsonMapper json;
    private final Map<String, long[]> windows = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, long[]> eldest) {
            return size() > MAX_CALLERS_TRACKED;
        }
    };

    LookupRateLimit(@Value("${ledger.security.lookups-per-minute:60}") int perWindow, Clock clock, JsonMapper json) {
        if (perWindow < 1) {
            throw new IllegalArgumentException(
                    "ledger.security.lookups-per-minute must be at least 1, not " + perWindow);
        }
        this.perWindow = perWindow;
        this.clock = clock;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        // The page's GET of "/" or "/my-disclosures" reads the whole history and records the read, as its POSTs do.
        boolean lookUp = path.startsWith("/api/v1/me/")
                || path.startsWith("/api/v1/history")
                || (request.getMethod().equals("POST") && path.startsWith("/my-disclosures"))
                || (request.getMethod().equals("GET") && (path.equals("/") || path.equals("/my-disclosures")));
        return !lookUp;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !(caller.getPrincipal() instanceof LedgerUser user)) {
            chain.doFilter(request, response);
            return;
        }
        long retryAfter = take(user.subject());
        if (retryAfter > 0) {
            ProblemDetail problem = Problems.of(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "too-many-requests",
                    "Too many look-ups",
                    "at most " + perWindow + " look-ups of histories a minute; try again in " + retryAfter + " s");
            problem.setInstance(URI.create(request.getRequestURI()));
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Counts a look-up; 0 when allowed, otherwise the seconds until the caller's window ends. */
    private synchronized long take(String subject) {
        long now = clock.millis();
        long[] window = windows.computeIfAbsent(subject, s -> new long[] {now, 0});
        if (now - window[0] >= WINDOW.toMillis()) {
            window[0] = now;
            window[1] = 0;
        }
        if (window[1] >= perWindow) {
            return Math.max(1, (window[0] + WINDOW.toMillis() - now + 999) / 1000);
        }
        window[1]++;
        return 0;
    }
}
