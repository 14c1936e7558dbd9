package org.disclosureledger.watchdog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.merkle.InMemoryMerkleNodes;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.watchdog.check.LedgerClient;

/**
 * A small ledger for tests: entries appended to a real Merkle tree, checkpoints signed by a test key, proofs computed
 * by ledger-core. Answers in-process as a {@link LedgerClient}, or over HTTP on 127.0.0.1 with the API's JSON shapes.
 */
final class TestLedger implements LedgerClient {

    static final String ORIGIN = "ledger.test/disclosures";

    final NoteSigner signer = NoteSigner.fromSeed(ORIGIN, seed(7));
    private final InMemoryMerkleNodes nodes = new InMemoryMerkleNodes();
    private final MerkleTree tree = new MerkleTree(nodes);
    private final List<Sha256Hash> leafHashes = new ArrayList<>();
    private HttpServer server;

    /** Appends an entry and returns its leaf hash; its index is the number of entries before it. */
    Sha256Hash append(String entry) {
        nodes.append(entry.getBytes(StandardCharsets.UTF_8));
        Sha256Hash leaf = MerkleTree.leafHash(entry.getBytes(StandardCharsets.UTF_8));
        leafHashes.add(leaf);
        return leaf;
    }

    Sha256Hash leafHash(long index) {
        return leafHashes.get((int) index);
    }

    long size() {
        return leafHashes.size();
    }

    Sha256Hash root(long treeSize) {
        return tree.rootHash(treeSize);
    }

    /** The signed note of the checkpoint at {@code treeSize}. */
    String checkpoint(long treeSize) {
        return signer.sign(new Checkpoint(ORIGIN, treeSize, tree.rootHash(treeSize)));
    }

    String verifierKey() {
        return signer.verifierKey();
    }

    static byte[] seed(int n) {
        byte[] seed = new byte[32];
        Arrays.fill(seed, (byte) n);
        return seed;
    }

    @Override
    public List<Sha256Hash> inclusionProof(long index, long treeSize) {
        try {
            return tree.inclusionProof(index, treeSize);
        } catch (InvalidValue e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public List<Sha256Hash> consistencyProof(long from, long to) {
        try {
            return tree.consistencyProof(from, to);
        } catch (InvalidValue e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public String publicKey() {
        return verifierKey();
    }

    /** Serves {@code /api/v1/ledger/...} on 127.0.0.1 and returns the base URL. */
    synchronized URI serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/ledger/", this::answer);
        server.start();
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private synchronized void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring("/api/v1/ledger".length());
        Map<String, Long> query = new HashMap<>();
        String raw = exchange.getRequestURI().getQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], Long.parseLong(kv[1]));
            }
        }
        try {
            switch (path) {
                case "/public-key" -> send(exchange, 200, "text/plain", verifierKey() + "\n");
                case "/proofs/inclusion" -> {
                    long index = query.get("index");
                    long size = query.get("treeSize");
                    send(
                            exchange,
                            200,
                            "application/json",
                            "{\"index\":" + index + ",\"treeSize\":" + size + ",\"leafHash\":\"" + leafHash(index)
                                    + "\",\"rootHash\":\"" + root(size) + "\",\"proof\":"
                                    + json(tree.inclusionProof(index, size)) + "}");
                }
                case "/proofs/consistency" -> {
                    long from = query.get("from");
                    long to = query.get("to");
                    send(
                            exchange,
                            200,
                            "application/json",
                            "{\"from\":" + from + ",\"to\":" + to + ",\"fromRootHash\":\"" + root(from)
                                    + "\",\"toRootHash\":\"" + root(to) + "\",\"proof\":"
                                    + json(tree.consistencyProof(from, to)) + "}");
                }
                default -> send(exchange, 404, "application/problem+json", "{\"detail\":\"no such resource\"}");
            }
        } catch (InvalidValue | IndexOutOfBoundsException e) {
            send(exchange, 400, "application/problem+json", "{\"detail\":\"" + e.getMessage() + "\"}");
        }
    }

    private static String json(List<Sha256Hash> proof) {
        return proof.stream().map(h -> "\"" + h.hex() + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
