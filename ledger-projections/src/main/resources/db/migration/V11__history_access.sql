-- Who read each person's records (org.disclosureledger.projections.access): one row per HistoryAccessed event,
-- written by the "history-access" processor; a read model, rebuilt from the event store by replaying that processor.
CREATE TABLE history_access (
    access_id      VARCHAR(100) NOT NULL,
    person_ref     CHAR(64)     NOT NULL,
    accessed_at    TIMESTAMPTZ  NOT NULL,
    reader_subject VARCHAR(200) NOT NULL,
    reader_role    VARCHAR(16)  NOT NULL,
    record         VARCHAR(32)  NOT NULL,
    purpose        VARCHAR(500) NOT NULL,
    CONSTRAINT history_access_pkey PRIMARY KEY (access_id)
);

CREATE INDEX history_access_by_person ON history_access (person_ref, accessed_at DESC);
