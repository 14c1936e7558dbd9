-- Bulk manifests' Merkle leaves in blocks, so that a subject's inclusion proof against the sealed manifest root is
-- read from a few rows (issue 8). Kept by the "person-history" event processor as chunks arrive: block k holds the
-- leaf hashes (SHA-256 of 0x00 || 32-byte pseudonym, 32 bytes each, in manifest order) of leaves k*1024 to
-- k*1024+1023, and, once complete, the root of that perfect subtree. A proof reads the subject's block, the last
-- block if incomplete, and the complete blocks' roots (about 1,000 of them for 1,000,000 subjects).
-- Rows for chunks already attached before this migration are not filled in; a person-history rebuild fills them.
CREATE TABLE manifest_block (
    disclosure_id VARCHAR(100) NOT NULL,
    block_index   BIGINT       NOT NULL,
    leaf_hashes   BYTEA        NOT NULL,
    root          BYTEA,
    CONSTRAINT manifest_block_pkey PRIMARY KEY (disclosure_id, block_index),
    CONSTRAINT manifest_block_leaves_check
        CHECK (octet_length(leaf_hashes) % 32 = 0 AND octet_length(leaf_hashes) BETWEEN 32 AND 32 * 1024),
    CONSTRAINT manifest_block_root_check
        CHECK ((root IS NULL) = (octet_length(leaf_hashes) < 32 * 1024) AND (root IS NULL OR octet_length(root) = 32))
);
