-- Investigations (org.disclosureledger.projections.investigation, see docs/investigations.md): what a regulator asked,
-- how far the replay got and, once done, the report's canonical bytes and digest. A working table, not history: a row
-- changes as its investigation runs. The report names the checkpoint it was computed against, so it can be re-checked
-- against the append-only ledger tables at any time.
CREATE TABLE investigation (
    investigation_id VARCHAR(64)  NOT NULL,
    definition       TEXT         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL,
    started_at       TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    events_total     BIGINT,
    events_read      BIGINT       NOT NULL DEFAULT 0,
    failure          TEXT,
    tree_size        BIGINT,
    report           BYTEA,
    report_sha256    CHAR(64),
    CONSTRAINT investigation_pkey PRIMARY KEY (investigation_id),
    CONSTRAINT investigation_status_known
        CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    CONSTRAINT investigation_done_has_report CHECK (status <> 'DONE' OR (report IS NOT NULL AND report_sha256 IS NOT NULL))
);
