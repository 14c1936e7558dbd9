-- The watchdog stream's own state (org.disclosureledger.projections.stream, see docs/stream.md). Both tables are read
-- models written by the publishers, not history: they may be updated, and could be rebuilt from the event store and
-- the checkpoint table.

-- What each disclosure's messages are filtered by, as the disclosure stands after its latest published event: set by
-- DisclosureRecorded and BulkDisclosureOpened, changed by DisclosureCorrected, read for every other follow-on (which
-- carries none of these). Written by the "watchdog-stream" processor in the same transaction as its token.
CREATE TABLE stream_disclosure (
    disclosure_id       VARCHAR(100) NOT NULL,
    custodian_state     CHAR(2)      NOT NULL,
    recipient_agency_id VARCHAR(64)  NOT NULL,
    purpose_code        VARCHAR(32)  NOT NULL,
    -- Sorted, comma-separated, exactly as the datacategories extension carries them.
    data_categories     TEXT         NOT NULL,
    CONSTRAINT stream_disclosure_pkey PRIMARY KEY (disclosure_id)
);

-- How far the checkpoint topic got: the largest tree size whose checkpoint the broker acknowledged. One row; a
-- publisher locks it while it publishes, so two nodes never publish the same checkpoints at once.
CREATE TABLE stream_checkpoint_progress (
    id                  SMALLINT NOT NULL,
    published_tree_size BIGINT   NOT NULL,
    CONSTRAINT stream_checkpoint_progress_pkey PRIMARY KEY (id),
    CONSTRAINT stream_checkpoint_progress_one_row CHECK (id = 1),
    CONSTRAINT stream_checkpoint_progress_size_not_negative CHECK (published_tree_size >= 0)
);

INSERT INTO stream_checkpoint_progress (id, published_tree_size) VALUES (1, 0);
