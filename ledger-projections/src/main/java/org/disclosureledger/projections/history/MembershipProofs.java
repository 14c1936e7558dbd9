package org.disclosureledger.projections.history;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.merkle.MerkleHash;
import org.disclosureledger.core.merkle.MerkleNodes;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.subject.PersonRef;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Answers whether a person, by their {@link PersonRef}, is in a sealed bulk disclosure's manifest, with the inclusion
 * proof of their leaf against the root in the sealing event. Reads the person-history tables: the person's manifest
 * position from {@code history_subject}, the leaves and block roots from {@code manifest_block}, so one proof reads
 * a few rows whatever the manifest's size.
 */
public class MembershipProofs {

    private static final String DISCLOSURE = """
            SELECT status, subject_count, manifest_root, suspended_until, suspension_authority,
                   suspension_lifted_at IS NOT NULL AS lifted
            FROM history_disclosure WHERE disclosure_id = ? AND kind = 'BULK'""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public MembershipProofs(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether {@code person} is in the manifest of bulk disclosure {@code disclosure}, with the proof if so. */
    public MembershipAnswer prove(DisclosureId disclosure, PersonRef person) {
        List<Map<String, Object>> rows = jdbc.queryForList(DISCLOSURE, disclosure.value());
        if (rows.isEmpty()) {
            return new MembershipAnswer.UnknownBulkDisclosure();
        }
        Map<String, Object> row = rows.get(0);
        LocalDate until =
                row.get("suspended_until") == null ? null : ((java.sql.Date) row.get("suspended_until")).toLocalDate();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (until != null && until.isAfter(today) && !(Boolean) row.get("lifted")) {
            return new MembershipAnswer.Withheld(until, (String) row.get("suspension_authority"));
        }
        if (!RecordingStatus.SEALED.name().equals(row.get("status"))) {
            return new MembershipAnswer.NotSealed();
        }
        long treeSize = ((Number) row.get("subject_count")).longValue();
        Sha256Hash root = Sha256Hash.fromHex((String) row.get("manifest_root"));
        List<Long> positions = jdbc.queryForList(
                "SELECT subject_index FROM history_subject WHERE person_ref = ? AND disclosure_id = ?",
                Long.class,
                person.bytes(),
                disclosure.value());
        if (positions.isEmpty()) {
            return new MembershipAnswer.NotInManifest();
        }
        long index = positions.get(0);
        BlockNodes nodes = BlockNodes.read(jdbc, disclosure, index, treeSize);
        List<Sha256Hash> proof = new MerkleTree(nodes).inclusionProof(index, treeSize);
        return new MembershipAnswer.Proven(new MembershipProof(
                disclosure, index, treeSize, new Sha256Hash(MerkleHash.leaf(person.bytes())), proof, root));
    }

    /**
     * The manifest tree's perfect subtrees as far as one proof needs them: at and above the block level from the
     * complete blocks' roots, below it from the leaves of the subject's block and of the last block if incomplete
     * (the only blocks an inclusion proof looks inside).
     */
    private static final class BlockNodes implements MerkleNodes {

        private final long treeSize;
        private final Map<Long, byte[]> roots;
        private final Map<Long, byte[]> leaves;

        private BlockNodes(long treeSize, Map<Long, byte[]> roots, Map<Long, byte[]> leaves) {
            this.treeSize = treeSize;
            this.roots = roots;
            this.leaves = leaves;
        }

        static BlockNodes read(JdbcTemplate jdbc, DisclosureId disclosure, long index, long treeSize) {
            long own = index / ManifestBlocks.LEAVES;
            long last = (treeSize - 1) / ManifestBlocks.LEAVES;
            Map<Long, byte[]> roots = new HashMap<>();
            Map<Long, byte[]> leaves = new HashMap<>();
            jdbc.query(
                    "SELECT block_index, root, CASE WHEN block_index IN (?, ?) THEN leaf_hashes END AS leaves"
                            + " FROM manifest_block WHERE disclosure_id = ?",
                    row -> {
                        long block = row.getLong(1);
                        byte[] root = row.getBytes(2);
                        byte[] blockLeaves = row.getBytes(3);
                        if (root != null) {
                            roots.put(block, root);
                        }
                        if (blockLeaves != null) {
                            leaves.put(block, blockLeaves);
                        }
                    },
                    own,
                    last,
                    disclosure.value());
            long stored = leaves.containsKey(last)
                    ? last * ManifestBlocks.LEAVES + leaves.get(last).length / 32
                    : roots.size() * (long) ManifestBlocks.LEAVES;
            if (stored < treeSize || !leaves.containsKey(own)) {
                throw new IllegalStateException("the manifest blocks of " + disclosure + " hold " + stored
                        + " of its " + treeSize + " leaves; the person history has not caught up, or was filled"
                        + " before manifest blocks existed and needs a rebuild");
            }
            return new BlockNodes(treeSize, roots, leaves);
        }

        @Override
        public long treeSize() {
            return treeSize;
        }

        @Override
        public Sha256Hash node(int level, long index) {
            return new Sha256Hash(hash(level, index));
        }

        private byte[] hash(int level, long index) {
            if (level >= ManifestBlocks.LEVEL) {
                if (level == ManifestBlocks.LEVEL) {
                    byte[] root = roots.get(index);
                    if (root == null) {
                        throw new IllegalStateException("manifest block " + index + " is not complete");
                    }
                    return root;
                }
                return MerkleHash.node(hash(level - 1, 2 * index), hash(level - 1, 2 * index + 1));
            }
            long firstLeaf = index << level;
            byte[] blockLeaves = leaves.get(firstLeaf / ManifestBlocks.LEAVES);
            if (blockLeaves == null) {
                throw new IllegalStateException("leaves of manifest block " + firstLeaf / ManifestBlocks.LEAVES
                        + " were not read for this proof");
            }
            return ManifestBlocks.perfectRoot(blockLeaves, (int) (firstLeaf % ManifestBlocks.LEAVES), 1 << level);
        }
    }
}
