package org.disclosureledger.api.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.disclosureledger.api.problem.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refusals as problem documents, like every other error of the API: 401 {@code unauthenticated} when there is no
 * valid token (missing, expired, forged, for another audience or issuer, or with claims that make no sense), with a
 * {@code WWW-Authenticate: Bearer} challenge; 403 {@code forbidden} when the caller's roles do not reach the endpoint.
 * The detail says what was wrong with the token (expired, bad signature, another audience) and never repeats it.
 */
final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final JsonMapper json;

    SecurityProblems(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        // A token was presented and refused (InvalidBearerTokenException is one of these), rather than none sent.
        boolean badToken = failure instanceof OAuth2AuthenticationException;
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, badToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(
                request,
                response,
                Problems.of(
                        HttpStatus.UNAUTHORIZED,
                        "unauthenticated",
                        "Not signed in",
                        badToken
                                ? "the bearer token was refused: " + reason(failure)
                                : "this endpoint needs a bearer token from the identity provider"));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(
                request,
                response,
                Problems.of(
                        HttpStatus.FORBIDDEN,
                        "forbidden",
                        "Not allowed",
                        "your role does not allow " + request.getMethod() + " on this endpoint"));
    }

    /** The token checker's reason, which names claims and instants but never the token; one line, bounded. */
    private static String reason(AuthenticationException failure) {
        String message = failure.getMessage() == null ? "it is not valid" : failure.getMessage();
        message = message.replaceAll("\\s+", " ");
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
