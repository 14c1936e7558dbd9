package org.disclosureledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.disclosureledger.projections.eventstore.RequestConnections;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers every request, from the first filter on, with the database connections kept for requests, so that a request
 * never waits for a connection the event processors hold ({@link RequestConnections}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestConnectionsFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (RequestConnections.Serving serving = RequestConnections.serving()) {
            chain.doFilter(request, response);
        }
    }
}
