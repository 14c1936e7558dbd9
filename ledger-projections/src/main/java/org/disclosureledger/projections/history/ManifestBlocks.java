package org.disclosureledger.projections.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.merkle.MerkleHash;
import org.disclosureledger.core.subject.PersonRef;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Stores a bulk manifest's leaf hashes in blocks of {@value #LEAVES} ({@code manifest_block}), with each complete
 * block's subtree root, as the chunks arrive. A chunk need not start or end on a block boundary: the block it starts
 * in is read back and extended. Writing a chunk again changes nothing, as a block only ever grows. Runs in the
 * caller's transaction.
 */
final class ManifestBlocks {

    /** Leaves per block: a power of two, so a complete block is a perfect subtree at level {@value #LEVEL}. */
    static final int LEAVES = 1024;

    static final int LEVEL = 10;

    private static final int HASH = 32;

    private static final String UPSERT = """
            INSERT INTO manifest_block (disclosure_id, block_index, leaf_hashes, root) VALUES (?, ?, ?, ?)
            ON CONFLICT (disclosure_id, block_index) DO UPDATE
                SET leaf_hashes = excluded.leaf_hashes, root = excluded.root
                WHERE octet_length(excluded.leaf_hashes) > octet_length(manifest_block.leaf_hashes)""";

    private final JdbcTemplate jdbc;

    ManifestBlocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the leaves of the subjects at manifest positions {@code firstIndex}, {@code firstIndex + 1}, ... */
    void write(DisclosureId disclosure, long firstIndex, List<PersonRef> subjects) {
        List<Object[]> rows = new ArrayList<>();
        long index = firstIndex;
        int next = 0;
        while (next < subjects.size()) {
            long block = index / LEAVES;
            int offset = (int) (index % LEAVES);
            int take = Math.min(LEAVES - offset, subjects.size() - next);
            byte[] leaves = new byte[(offset + take) * HASH];
            if (offset > 0) {
                byte[] earlier = storedLeaves(disclosure, block);
                if (earlier.length < offset * HASH) {
                    throw new IllegalStateException("the manifest of " + disclosure + " has " + earlier.length / HASH
                            + " leaves stored in block " + block + ", but the chunk continues at leaf " + index
                            + ": an earlier chunk is missing");
                }
                System.arraycopy(earlier, 0, leaves, 0, offset * HASH);
            }
            for (int i = 0; i < take; i++) {
                byte[] leaf = MerkleHash.leaf(subjects.get(next + i).bytes());
                System.arraycopy(leaf, 0, leaves, (offset + i) * HASH, HASH);
            }
            byte[] root = offset + take == LEAVES ? perfectRoot(leaves, 0, LEAVES) : null;
            rows.add(new Object[] {disclosure.value(), block, leaves, root});
            index += take;
            next += take;
        }
        jdbc.batchUpdate(UPSERT, rows);
    }

    private byte[] storedLeaves(DisclosureId disclosure, long block) {
        List<byte[]> found = jdbc.query(
                "SELECT leaf_hashes FROM manifest_block WHERE disclosure_id = ? AND block_index = ?",
                (row, n) -> row.getBytes(1),
                disclosure.value(),
                block);
        return found.isEmpty() ? new byte[0] : found.get(0);
    }

    /**
     * The root of the perfect subtree over {@code count} (a power of two) leaf hashes from leaf {@code from} of
     * {@code leaves}.
     */
    static byte[] perfectRoot(byte[] leaves, int from, int count) {
        byte[][] level = new byte[count][];
        for (int i = 0; i < count; i++) {
            int at = (from + i) * HASH;
            level[i] = Arrays.copyOfRange(leaves, at, at + HASH);
        }
        for (int size = count; size > 1; size /= 2) {
            for (int i = 0; i < size / 2; i++) {
                level[i] = MerkleHash.node(level[2 * i], level[2 * i + 1]);
            }
        }
        return level[0];
    }
}
