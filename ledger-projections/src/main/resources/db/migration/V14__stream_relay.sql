-- The disclosures topic is fed by the stream relay (org.disclosureledger.projections.stream.StreamRelay), which reads
-- the ledger in ledger order, instead of the "watchdog-stream" event processor, which read the event table with
-- tokens. One row: every ledger index below published_entries is on the disclosures topic. A relay locks the row while
-- it publishes a batch and moves it in the same transaction once the broker acknowledged the batch, so that one node
-- at a time publishes and a message is never passed over (it may be sent twice after a failure).
CREATE TABLE stream_relay (
    id                SMALLINT NOT NULL,
    published_entries BIGINT   NOT NULL,
    CONSTRAINT stream_relay_pkey PRIMARY KEY (id),
    CONSTRAINT stream_relay_one_row CHECK (id = 1),
    CONSTRAINT stream_relay_entries_not_negative CHECK (published_entries >= 0)
);

-- Where the relay starts on a ledger that already streamed: at the first entry that may not be on the topic, by both
-- records the processor kept. Its count of published entries (maintained since V10, which set it to the whole ledger
-- at that upgrade even if the processor was behind, so alone it may overstate) and its tokens: the first event a
-- segment may not have handled is one past its index or the lowest of its gaps; a segment without a position, or with
-- a token of another shape (a replay, segments being merged), counts from the start of the event store, and so does a
-- processor without tokens (the stream never ran). The earlier of the two wins: entries may be published again, never
-- skipped.
INSERT INTO stream_relay (id, published_entries)
WITH tokens AS (
    SELECT convert_from(token, 'UTF8')::jsonb AS t
    FROM token_entry
    WHERE processor_name = 'watchdog-stream'),
first_unhandled AS (
    SELECT coalesce(min(CASE
                            WHEN t ? 'index' THEN least(
                                (t ->> 'index')::bigint + 1,
                                (SELECT min(g::bigint) FROM jsonb_array_elements_text(t -> 'gaps') AS g))
                            ELSE 0
                        END), 0) AS global_index
    FROM tokens)
SELECT 1, least(
    coalesce((SELECT published_entries FROM stream_checkpoint_progress WHERE id = 1), 0),
    coalesce(
        (SELECT min(e.ledger_index) FROM ledger_entry e WHERE e.global_index >= f.global_index),
        (SELECT coalesce(max(ledger_index) + 1, 0) FROM ledger_entry)))
FROM first_unhandled f;

-- The processor's state goes: its tokens (a node still running it finds no segment to claim and stops publishing), the
-- entries it recorded as published above the contiguous prefix, and the prefix, now the relay's.
DELETE FROM token_entry WHERE processor_name = 'watchdog-stream';
DROP TABLE stream_published_entry;
ALTER TABLE stream_checkpoint_progress DROP COLUMN published_entries;
