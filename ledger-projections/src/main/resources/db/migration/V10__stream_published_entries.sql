-- A checkpoint reaches the checkpoint topic only after every entry it covers reached the disclosures topic, so that a
-- watchdog's "never arrived" alarm means an entry was withheld, not that the publisher is behind
-- (org.disclosureledger.projections.stream, see docs/stream.md).

-- Ledger indexes the "watchdog-stream" processor published at or above the contiguous prefix below, written in the
-- same transaction as its token. The checkpoint publisher moves the prefix over them and deletes them.
CREATE TABLE stream_published_entry (
    ledger_index BIGINT NOT NULL,
    CONSTRAINT stream_published_entry_pkey PRIMARY KEY (ledger_index)
);

-- Every ledger index below published_entries is on the disclosures topic.
ALTER TABLE stream_checkpoint_progress
    ADD COLUMN published_entries BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT stream_checkpoint_progress_entries_not_negative CHECK (published_entries >= 0);

-- A ledger that already streamed before this migration: its entries up to now count as published, as the old
-- publisher would have had them (if it was behind at the upgrade, a checkpoint may come before those of its entries
-- still to be published, as it could before). Entries sequenced from here on are recorded as they are published.
UPDATE stream_checkpoint_progress
SET published_entries = (SELECT coalesce(max(ledger_index) + 1, 0) FROM ledger_entry)
WHERE id = 1;
