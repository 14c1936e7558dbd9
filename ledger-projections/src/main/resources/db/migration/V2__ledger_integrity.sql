-- The verifiable ledger (see docs/integrity.md): every stored event's place in the ledger, the perfect subtrees of
-- the RFC 9162 Merkle tree over the entries, and every checkpoint ever signed. Like the event table, these tables
-- only grow: rewriting them would be rewriting history.

-- One row per stored event, in the order the sequencer took them: ledger_index is gapless from 0.
CREATE TABLE ledger_entry (
    ledger_index     BIGINT       NOT NULL,
    event_identifier VARCHAR(255) NOT NULL,
    global_index     BIGINT       NOT NULL,
    leaf_hash        BYTEA        NOT NULL,
    sequenced_at     TIMESTAMPTZ  NOT NULL,
    CONSTRAINT ledger_entry_pkey PRIMARY KEY (ledger_index),
    CONSTRAINT ledger_entry_event_identifier_key UNIQUE (event_identifier),
    CONSTRAINT ledger_entry_global_index_key UNIQUE (global_index),
    CONSTRAINT ledger_entry_index_not_negative CHECK (ledger_index >= 0),
    CONSTRAINT ledger_entry_leaf_hash_length CHECK (length(leaf_hash) = 32)
);

-- The hash of every perfect subtree of height >= 1 (height 0 is ledger_entry.leaf_hash): the subtree at
-- (level, node_index) covers entries [node_index * 2^level, (node_index + 1) * 2^level).
CREATE TABLE ledger_tree_node (
    level      SMALLINT NOT NULL,
    node_index BIGINT   NOT NULL,
    hash       BYTEA    NOT NULL,
    CONSTRAINT ledger_tree_node_pkey PRIMARY KEY (level, node_index),
    CONSTRAINT ledger_tree_node_level_range CHECK (level BETWEEN 1 AND 63),
    CONSTRAINT ledger_tree_node_hash_length CHECK (length(hash) = 32)
);

-- Every checkpoint the ledger signed, as the signed note it published (C2SP tlog-checkpoint + signed-note).
CREATE TABLE ledger_checkpoint (
    tree_size   BIGINT      NOT NULL,
    root_hash   BYTEA       NOT NULL,
    signed_note TEXT        NOT NULL,
    signed_at   TIMESTAMPTZ NOT NULL,
    CONSTRAINT ledger_checkpoint_pkey PRIMARY KEY (tree_size),
    CONSTRAINT ledger_checkpoint_size_positive CHECK (tree_size > 0),
    CONSTRAINT ledger_checkpoint_root_length CHECK (length(root_hash) = 32)
);

CREATE TRIGGER ledger_entry_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_entry
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER ledger_tree_node_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();

CREATE TRIGGER ledger_checkpoint_append_only
    BEFORE UPDATE OR DELETE OR TRUNCATE ON ledger_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_rewrite();
