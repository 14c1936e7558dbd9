package org.disclosureledger.projections.integrity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.ledger.LeafEnvelope;
import org.disclosureledger.core.merkle.IntegrityFailure;
import org.disclosureledger.projections.eventstore.PlannedPerCall;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Checks the whole ledger against itself, trusting only the events as they are stored now and the ledger's public key:
 * every entry's leaf is recomputed from its event, the tree is rebuilt from those leaves, and every stored checkpoint
 * is checked for its signature and its root. The stored tree nodes, which proofs are served from, are checked against
 * the tree of the recorded leaves (so that a changed event is reported once, as its leaf), and every stored event the
 * sequencer passed more than {@link #SEQUENCING_GRACE} ago must have an entry. Reads the entries in pages,
 * holding only the trees' right edges.
 */
@Component
public class LedgerVerifier {

    private static final int PAGE = 1_000;
    private static final int MAX_PROBLEMS = 100;

    /**
     * How long ago the sequencer must have passed a stored event without an entry for it to count as passed by: it
     * waits for an event committed late, up to Axon's gap timeout (a minute), so one passed more recently may still be
     * sequenced.
     */
    static final Duration SEQUENCING_GRACE = Duration.ofMinutes(10);

    private static final HexFormat HEX = HexFormat.of();

    private final JdbcTemplate jdbc;
    private final NoteVerifier noteVerifier;
    private final Clock clock;

    /** Checks checkpoints against {@code noteVerifier}, the ledger's public key. */
    public LedgerVerifier(JdbcTemplate jdbc, NoteVerifier noteVerifier, Clock clock) {
        this.jdbc = jdbc;
        this.noteVerifier = noteVerifier;
        this.clock = clock;
    }

    private record Row(
            long ledgerIndex,
            String eventIdentifier,
            long globalIndex,
            byte[] leafHash,
            Long currentGlobalIndex,
            LeafEnvelope envelope) {}

    private record StoredCheckpoint(long treeSize, byte[] rootHash, String note) {}

    public VerificationReport verify() {
        List<IntegrityProblem> problems = new ArrayList<>();
        Iterator<StoredCheckpoint> checkpoints = jdbc.query(
                        "select tree_size, root_hash, signed_note from ledger_checkpoint order by tree_size",
                        (rs, n) -> new StoredCheckpoint(rs.getLong(1), rs.getBytes(2), rs.getString(3)))
                .iterator();
        StoredCheckpoint nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
        int checkpointsChecked = 0;
        int signaturesVerified = 0;
        int signaturesChecked = 0;
        TreeAppender tree = new TreeAppender(0, List.of());
        TreeAppender recorded = new TreeAppender(0, List.of());
        long expectedIndex = 0;
        while (true) {
            List<Row> page = page(expectedIndex);
            if (page.isEmpty()) {
                break;
            }
            List<TreeAppender.Node> nodes = new ArrayList<>();
            for (Row row : page) {
                if (row.ledgerIndex() != expectedIndex) {
                    add(
                            problems,
                            new IntegrityProblem(
                                    IntegrityProblem.Kind.ENTRY_MISSING,
                                    expectedIndex,
                                    -1,
                                    "entry " + expectedIndex,
                                    "next entry is " + row.ledgerIndex(),
                                    "ledger indexes " + expectedIndex + " to " + (row.ledgerIndex() - 1)
                                            + " are missing"));
                    checkNodes(nodes, problems);
                    checkAllSequenced(problems);
                    return new VerificationReport(
                            expectedIndex, checkpointsChecked, signaturesChecked, signaturesVerified, problems);
                }
                tree.append(check(row, problems));
                nodes.addAll(recorded.append(row.leafHash()));
                expectedIndex++;
                while (nextCheckpoint != null && nextCheckpoint.treeSize() == tree.size()) {
                    if (checkCheckpoint(nextCheckpoint, tree.rootHash(), problems)) {
                        signaturesVerified++;
                    }
                    signaturesChecked++;
                    checkpointsChecked++;
                    nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
                }
            }
            checkNodes(nodes, problems);
        }
        checkAllSequenced(problems);
        while (nextCheckpoint != null) {
            add(
                    problems,
                    new IntegrityProblem(
                            IntegrityProblem.Kind.CHECKPOINT_ROOT_MISMATCH,
                            -1,
                            nextCheckpoint.treeSize(),
                            "a tree of " + nextCheckpoint.treeSize() + " entries",
                            "only " + tree.size() + " entries",
                            "a checkpoint was signed for more entries than the ledger now holds"));
            checkpointsChecked++;
            nextCheckpoint = checkpoints.hasNext() ? checkpoints.next() : null;
        }
        return new VerificationReport(tree.size(), checkpointsChecked, signaturesChecked, signaturesVerified, problems);
    }

    /** The leaf hash to build the tree from: recomputed from the event when it exists, else the recorded one. */
    private byte[] check(Row row, List<IntegrityProblem> problems) {
        if (row.envelope() == null) {
            add(
                    problems,
                    new IntegrityProblem(
                            IntegrityProblem.Kind.EVENT_MISSING,
                            row.ledgerIndex(),
                            -1,
                            row.eventIdentifier(),
                            "no such event",
                            "the event sequenced at ledger index " + row.ledgerIndex()
                                    + " is gone from the event table"));
            return row.leafHash();
        }
        byte[] recomputed = row.envelope().leafHash();
        if (!java.util.Arrays.equals(recomputed, row.leafHash())) {
            add(
                    problems,
                    new IntegrityProblem(
                            IntegrityProblem.Kind.LEAF_HASH_CHANGED,
                            row.ledgerIndex(),
                            -1,
                            HEX.formatHex(row.leafHash()),
                            HEX.formatHex(recomputed),
                            "the event at ledger index " + row.ledgerIndex() + " (" + row.eventIdentifier()
                                    + ") no longer hashes to the leaf it was sequenced with"));
        }
        if (row.currentGlobalIndex() != row.globalIndex()) {
            add(
                    problems,
                    new IntegrityProblem(
                            IntegrityProblem.Kind.EVENT_MOVED,
                            row.ledgerIndex(),
                            -1,
                            Long.toString(row.globalIndex()),
                            Long.toString(row.currentGlobalIndex()),
                            "the event at ledger index " + row.ledgerIndex() + " was moved in the event table"));
        }
        return recomputed;
    }

    /** Compares the nodes the recorded leaves complete with the stored ones. */
    private void checkNodes(List<TreeAppender.Node> nodes, List<IntegrityProblem> problems) {
        if (nodes.isEmpty()) {
            return;
        }
        Integer[] levels = nodes.stream().map(TreeAppender.Node::level).toArray(Integer[]::new);
        Long[] indexes = nodes.stream().map(TreeAppender.Node::index).toArray(Long[]::new);
        Map<String, byte[]> stored = new HashMap<>();
        String storedNodes = """
                select n.level, n.node_index, n.hash
                from unnest(?::integer[], ?::bigint[]) as w(level, node_index)
                join ledger_tree_node n on n.level = w.level and n.node_index = w.node_index""";
        jdbc.query(PlannedPerCall.query(storedNodes, levels, indexes), row -> {
            stored.put(row.getInt(1) + "/" + row.getLong(2), row.getBytes(3));
        });
        for (TreeAppender.Node node : nodes) {
            byte[] found = stored.get(node.level() + "/" + node.index());
            if (!java.util.Arrays.equals(found, node.hash())) {
                long firstLeaf = node.index() << node.level();
                add(
                        problems,
                        new IntegrityProblem(
                                IntegrityProblem.Kind.TREE_NODE_CHANGED,
                                firstLeaf,
                                -1,
                                HEX.formatHex(node.hash()),
                                found == null ? "no node" : HEX.formatHex(found),
                                "the stored tree node at level " + node.level() + ", index " + node.index()
                                        + " (ledger indexes " + firstLeaf + " to "
                                        + (firstLeaf + (1L << node.level()) - 1) + "), from which proofs are served,"
                                        + " is not the node of the recorded leaves"));
            }
        }
    }

    /**
     * Looks for stored events without a ledger entry below an event sequenced more than {@link #SEQUENCING_GRACE} ago:
     * the sequencer passed them by then. Judged by the entries' append-only sequencing times, not by the events' own
     * times, which whoever inserted an event chose.
     */
    private void checkAllSequenced(List<IntegrityProblem> problems) {
        Instant before = clock.instant().minus(SEQUENCING_GRACE);
        jdbc.query(
                """
                        select d.global_index, d.event_identifier, d.aggregate_identifier, d.sequence_number
                        from domain_event_entry d
                        where d.global_index < (
                                select max(global_index) from ledger_entry where sequenced_at < ?::timestamptz)
                          and not exists (select 1 from ledger_entry e where e.event_identifier = d.event_identifier)
                        order by d.global_index
                        limit ?""",
                row -> {
                    add(
                            problems,
                            new IntegrityProblem(
                                    IntegrityProblem.Kind.EVENT_NOT_SEQUENCED,
                                    -1,
                                    -1,
                                    "a ledger entry for event " + row.getString(2),
                                    "none",
                                    "the event stored at global index " + row.getLong(1) + " (" + row.getString(3)
                                            + ", event " + row.getLong(4) + ") has no ledger entry, although events"
                                            + " stored after it have: it was inserted among them afterwards, or the"
                                            + " sequencer passed it by"));
                },
                before.toString(),
                MAX_PROBLEMS);
    }

    /** Checks a checkpoint's signature and root; returns whether its signature verified with the key. */
    private boolean checkCheckpoint(StoredCheckpoint stored, byte[] recomputedRoot, List<IntegrityProblem> problems) {
        boolean signatureVerified = false;
        try {
            Checkpoint signed = noteVerifier.verifyCheckpoint(stored.note());
            signatureVerified = true;
            if (signed.treeSize() != stored.treeSize()
                    || !java.util.Arrays.equals(signed.rootHash().bytes(), stored.rootHash())) {
                add(
                        problems,
                        new IntegrityProblem(
                                IntegrityProblem.Kind.CHECKPOINT_SIGNATURE_INVALID,
                                -1,
                                stored.treeSize(),
                                HEX.formatHex(stored.rootHash()),
                                signed.rootHash().hex(),
                                "the signed note at tree size " + stored.treeSize() + " names another size or root than"
                                        + " its row"));
            }
        } catch (IntegrityFailure | IllegalArgumentException e) {
            add(
                    problems,
                    new IntegrityProblem(
                            IntegrityProblem.Kind.CHECKPOINT_SIGNATURE_INVALID,
                            -1,
                            stored.treeSize(),
                            "a note signed by " + noteVerifier.keyName(),
                            e.getMessage(),
                            "the checkpoint at tree size " + stored.treeSize()
                                    + " does not verify with the ledger's key"));
        }
        if (!java.util.Arrays.equals(stored.rootHash(), recomputedRoot)) {
            add(
                    problems,
                    new IntegrityProblem(
                            IntegrityProblem.Kind.CHECKPOINT_ROOT_MISMATCH,
                            -1,
                            stored.treeSize(),
                            HEX.formatHex(stored.rootHash()),
                            HEX.formatHex(recomputedRoot),
                            "the root signed at tree size " + stored.treeSize()
                                    + " differs from the root of the events as stored now"));
        }
        return signatureVerified;
    }

    private List<Row> page(long fromIndex) {
        return jdbc.query(
                """
                        select e.ledger_index, e.event_identifier, e.global_index, e.leaf_hash,
                               d.global_index, d.payload_type, d.payload_revision, d.aggregate_identifier,
                               d.sequence_number, d.time_stamp, d.payload
                        from ledger_entry e
                        left join domain_event_entry d on d.event_identifier = e.event_identifier
                        where e.ledger_index >= ?
                        order by e.ledger_index
                        limit ?""",
                (rs, n) -> {
                    long current = rs.getLong(5);
                    boolean present = !rs.wasNull();
                    LeafEnvelope envelope = present
                            ? new LeafEnvelope(
                                    rs.getString(2),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getLong(9),
                                    rs.getString(10),
                                    rs.getBytes(11))
                            : null;
                    return new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getBytes(4),
                            present ? current : null,
                            envelope);
                },
                fromIndex,
                PAGE);
    }

    private static void add(List<IntegrityProblem> problems, IntegrityProblem problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }
}
