package org.disclosureledger.api.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.disclosureledger.api.disclosure.ChunkFormat;
import org.disclosureledger.api.problem.PayloadTooLarge;
import org.disclosureledger.api.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounds request bodies: a declared length over the limit is refused with 413 before anything is read, and a body
 * without a declared length is cut off at the limit while it streams ({@link PayloadTooLarge}, also 413). Chunks of
 * bulk subjects (NDJSON or CSV) have their own, larger limit.
 */
@Component
class BodySizeLimitFilter extends OncePerRequestFilter {

    private final long jsonLimit;
    private final long chunkLimit;
    private final JsonMapper json;

    BodySizeLimitFilter(
            @Value("${ledger.api.max-json-body}") DataSize jsonLimit,
            @Value("${ledger.api.max-chunk-body}") DataSize chunkLimit,
            JsonMapper json) {
        this.jsonLimit = jsonLimit.toBytes();
        this.chunkLimit = chunkLimit.toBytes();
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = isChunk(request) ? chunkLimit : jsonLimit;
        if (request.getContentLengthLong() > limit) {
            response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            var problem = Problems.of(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "body-too-large",
                    "Request body too large",
                    new PayloadTooLarge(limit).getMessage());
            problem.setInstance(java.net.URI.create(request.getRequestURI()));
            json.writeValue(response.getOutputStream(), problem);
            return;
        }
        chain.doFilter(new BoundedRequest(request, limit), response);
    }

    private static boolean isChunk(HttpServletRequest request) {
        return ChunkFormat.of(request.getContentType()).isPresent();
    }

    /** A request whose body stream fails with {@link PayloadTooLarge} past the limit. */
    private static final class BoundedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        BoundedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new BoundedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class BoundedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        BoundedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = delegate.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new PayloadTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
