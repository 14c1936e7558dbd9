package org.disclosureledger.api.benchmark;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Scenario 1's HTTP client: each calling thread posts JSON over its own keep-alive HTTP/1.1 connection, writing the
 * request and reading the response itself, so a call costs one write and the reads of one response and nothing
 * else. The JDK's {@code java.net.http} client, which the benchmark used until 2026-12-07, hands every exchange from
 * the caller to its selector thread and a worker and back: three threads per call on two cores that the application
 * also needs, and a scheduling delay at each hand-off that the measured latency included.
 *
 * <p>It speaks only what the benchmark needs (POST with a body of known length; responses with a
 * {@code Content-Length}, chunked, or ending with the connection) and fails loudly on anything else. Connections are
 * closed with the client.
 */
final class KeepAliveClient implements AutoCloseable {

    private final int port;
    private final byte[] fixedHeaders;
    private final Queue<Connection> opened = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    /** A client of the application on 127.0.0.1 at {@code port}, sending this bearer token with every request. */
    KeepAliveClient(int port, String bearerToken) {
        this.port = port;
        this.fixedHeaders = ("Host: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + bearerToken
                        + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** A response's status and body. */
    record Response(int status, String body) {}

    /** Posts {@code json} to {@code path} on this thread's connection, opening it first if it has none. */
    Response post(String path, byte[] json) {
        Connection connection = connections.get();
        try {
            if (connection == null) {
                connection = open();
            }
            OutputStream out = connection.out;
            out.write(("POST " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(fixedHeaders);
            out.write(("Content-Length: " + json.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(json);
            out.flush();
            Response response = connection.read();
            if (connection.closing) {
                connection.close();
                connections.remove();
            }
            return response;
        } catch (IOException e) {
            if (connection != null) {
                connection.close();
                connections.remove();
            }
            throw new UncheckedIOException("POST " + path + " failed", e);
        }
    }

    private Connection open() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        Connection connection = new Connection(socket);
        opened.add(connection);
        connections.set(connection);
        return connection;
    }

    @Override
    public void close() {
        Connection connection;
        while ((connection = opened.poll()) != null) {
            connection.close();
        }
    }

    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private boolean closing;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            this.out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        }

        Response read() throws IOException {
            String statusLine = line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("not an HTTP/1.x status line: " + statusLine);
            }
            int status = Integer.parseInt(parts[1]);
            long length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                if (colon < 0) {
                    throw new IOException("not an HTTP header line: " + header);
                }
                String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = header.substring(colon + 1).trim();
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                    case "connection" -> closing = value.equalsIgnoreCase("close");
                    default -> {}
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (chunked) {
                for (long size = chunkSize(); size > 0; size = chunkSize()) {
                    copy(size, body);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers, unused
                }
            } else if (length >= 0) {
                copy(length, body);
            } else {
                in.transferTo(body);
                closing = true;
            }
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }

        private long chunkSize() throws IOException {
            String size = line();
            int extension = size.indexOf(';');
            return Long.parseLong((extension < 0 ? size : size.substring(0, extension)).trim(), 16);
        }

        private void copy(long length, ByteArrayOutputStream body) throws IOException {
            byte[] buffer = new byte[8192];
            for (long left = length; left > 0; ) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new EOFException("the connection ended " + left + " bytes before the body did");
                }
                body.write(buffer, 0, read);
                left -= read;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the connection ended in the middle of a response");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
