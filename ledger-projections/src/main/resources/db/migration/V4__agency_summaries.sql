-- Agency summaries: what each recipient agency received, per custodian state x purpose code x data category x month
-- (of the disclosure's current occurred-at, in UTC), built from the ledger's events by the "agency-summaries" event
-- processor (org.disclosureledger.projections.summary). Every row can be rebuilt from the event store, and a rebuild
-- produces exactly the same rows: nothing is taken from the clock, from generated ids or from the order of processing.
--
-- Several disclosures share a cell and are handled by different segments of the pooled processor at once, so the
-- shared tables (summary_cell, summary_cell_subject) are only ever changed by atomic upserts and relative updates
-- ("x = x + ?"), never by read-modify-write in the application.

-- One row per disclosure: the cells it currently contributes to (its recipient, state, purpose, categories and month)
-- and what it contributes, so that a correction can take the old contribution out before putting the new one in.
CREATE TABLE summary_disclosure (
    disclosure_id          VARCHAR(100) NOT NULL,
    recipient_agency_id    VARCHAR(64)  NOT NULL,
    recipient_name         TEXT         NOT NULL,
    custodian_state        CHAR(2)      NOT NULL,
    purpose_code           VARCHAR(32)  NOT NULL,
    data_categories        TEXT[]       NOT NULL,
    month                  DATE         NOT NULL,
    occurred_at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    record_count           BIGINT       NOT NULL,
    -- Destruction requests that no certification has answered yet, sorted.
    open_request_ids       TEXT[]       NOT NULL,
    certified_destructions BIGINT       NOT NULL,
    -- The sequence number (within the disclosure) of the last event applied: an event at or below it is a
    -- redelivery or a replay over existing rows, and changes nothing.
    applied_sequence       BIGINT       NOT NULL,
    CONSTRAINT summary_disclosure_pkey PRIMARY KEY (disclosure_id),
    CONSTRAINT summary_disclosure_month_check CHECK (extract(day FROM month) = 1)
);

CREATE INDEX summary_disclosure_agency_idx ON summary_disclosure (recipient_agency_id, custodian_state);

-- Each disclosure's subjects, once each (a person listed twice in a bulk manifest counts once).
CREATE TABLE summary_subject (
    disclosure_id VARCHAR(100) NOT NULL,
    person_ref    BYTEA        NOT NULL,
    CONSTRAINT summary_subject_pkey PRIMARY KEY (disclosure_id, person_ref)
);

-- The summaries. A disclosure counts in one cell per data category, so disclosures and records add up within a
-- category, not across categories; distinct subjects add up across nothing (a person may be in several cells).
-- A cell exists while at least one disclosure contributes to it.
CREATE TABLE summary_cell (
    recipient_agency_id       VARCHAR(64) NOT NULL,
    custodian_state           CHAR(2)     NOT NULL,
    purpose_code              VARCHAR(32) NOT NULL,
    data_category             VARCHAR(32) NOT NULL,
    month                     DATE        NOT NULL,
    disclosures               BIGINT      NOT NULL,
    subjects                  BIGINT      NOT NULL,
    records                   BIGINT      NOT NULL,
    open_destruction_requests BIGINT      NOT NULL,
    certified_destructions    BIGINT      NOT NULL,
    CONSTRAINT summary_cell_pkey
        PRIMARY KEY (recipient_agency_id, custodian_state, purpose_code, data_category, month),
    CONSTRAINT summary_cell_counts_check CHECK (disclosures >= 0 AND subjects >= 0 AND records >= 0
        AND open_destruction_requests >= 0 AND certified_destructions >= 0)
);

-- Who is counted in each cell, and through how many of its disclosures: summary_cell.subjects is the number of rows
-- here for the cell, kept exact by counting a person when their first disclosure in the cell arrives and uncounting
-- them when their last one leaves. One row per subject per category of each distinct cell: the price of reading exact
-- distinct counts without scanning subjects (see the package documentation for the figures).
CREATE TABLE summary_cell_subject (
    recipient_agency_id VARCHAR(64) NOT NULL,
    custodian_state     CHAR(2)     NOT NULL,
    purpose_code        VARCHAR(32) NOT NULL,
    data_category       VARCHAR(32) NOT NULL,
    month               DATE        NOT NULL,
    person_ref          BYTEA       NOT NULL,
    disclosures         INTEGER     NOT NULL,
    CONSTRAINT summary_cell_subject_pkey
        PRIMARY KEY (recipient_agency_id, custodian_state, purpose_code, data_category, month, person_ref),
    CONSTRAINT summary_cell_subject_disclosures_check CHECK (disclosures > 0)
);
