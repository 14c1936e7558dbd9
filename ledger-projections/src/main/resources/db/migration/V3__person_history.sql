-- Person history: each enrollee's accounting of disclosures, built from the ledger's events by the "person-history"
-- event processor (org.disclosureledger.projections.history). Every row here can be rebuilt from the event store, and
-- a rebuild produces exactly the same rows: nothing is taken from the clock or from the order of processing, only
-- from the events.
--
-- Shaped for national scale: a bulk disclosure can have tens of millions of subjects, so
--   * a disclosure's details live once, in history_disclosure, and a correction rewrites that one row, never the
--     subject rows;
--   * a subject row is only (person, disclosure, position): a 32-byte pseudonym, the disclosure id and a bigint;
--   * follow-ons (corrections, disputes, destruction requests and certifications) hang off the disclosure.
-- There are no foreign keys: a subject row would pay an index lookup on insert, and the tables are only ever written
-- by the projection, which writes a disclosure before its subjects (they arrive in the same ordered stream).

-- One row per disclosure: its current details and state.
CREATE TABLE history_disclosure (
    disclosure_id            VARCHAR(100) NOT NULL,
    kind                     VARCHAR(6)   NOT NULL,
    status                   VARCHAR(8)   NOT NULL,
    occurred_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    recorded_at              TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    custodian_state          CHAR(2)      NOT NULL,
    custodian_name           TEXT         NOT NULL,
    disclosing_system        TEXT         NOT NULL,
    releasing_official       TEXT         NOT NULL,
    recipient_agency_id      VARCHAR(64)  NOT NULL,
    recipient_name           TEXT         NOT NULL,
    recipient_component      TEXT,
    recipient_address        TEXT         NOT NULL,
    requester                TEXT,
    purpose_code             VARCHAR(32)  NOT NULL,
    purpose_text             TEXT         NOT NULL,
    legal_citations          TEXT[]       NOT NULL,
    legal_document_reference TEXT,
    data_categories          TEXT[]       NOT NULL,
    mode                     VARCHAR(32)  NOT NULL,
    access_opens_at          TIMESTAMP(6) WITH TIME ZONE,
    access_closes_at         TIMESTAMP(6) WITH TIME ZONE,
    access_download_allowed  BOOLEAN,
    record_count             BIGINT       NOT NULL,
    -- The hold on telling the subjects, as recorded; it is in force until suspended_until unless lifted.
    suspended_until          DATE,
    suspension_authority     TEXT,
    suspension_lift_id       VARCHAR(100),
    suspension_lifted_at     TIMESTAMP(6) WITH TIME ZONE,
    suspension_lift_authority TEXT,
    suspension_lift_reason   TEXT,
    -- Subjects attached so far (all of them for a single disclosure or a sealed bulk one).
    subject_count            BIGINT       NOT NULL,
    chunk_count              INTEGER,
    manifest_root            CHAR(64),
    sealed_at                TIMESTAMP(6) WITH TIME ZONE,
    -- The sequence number (within the disclosure) of the last event that changed this row: an event at or below it
    -- was already applied, so a redelivered or replayed event never moves the row back in time.
    applied_sequence         BIGINT       NOT NULL,
    CONSTRAINT history_disclosure_pkey PRIMARY KEY (disclosure_id),
    CONSTRAINT history_disclosure_kind_check CHECK (kind IN ('SINGLE', 'BULK')),
    CONSTRAINT history_disclosure_status_check CHECK (status IN ('RECORDED', 'OPEN', 'SEALED')),
    CONSTRAINT history_disclosure_suspension_check CHECK ((suspended_until IS NULL) = (suspension_authority IS NULL))
);

-- One row per subject per disclosure. The primary key serves "this person's disclosures": a person has few, so they
-- are joined to history_disclosure and sorted there. subject_index is the subject's position in the disclosure
-- (for a bulk disclosure, its leaf index in the manifest's Merkle tree, which an inclusion proof needs); a person
-- listed twice in one bulk manifest keeps the first position.
CREATE TABLE history_subject (
    person_ref    BYTEA        NOT NULL,
    disclosure_id VARCHAR(100) NOT NULL,
    subject_index BIGINT       NOT NULL,
    CONSTRAINT history_subject_pkey PRIMARY KEY (person_ref, disclosure_id),
    CONSTRAINT history_subject_person_ref_check CHECK (octet_length(person_ref) = 32)
);

-- Corrections: the details before and after each one, in full, so the original stays visible.
CREATE TABLE history_correction (
    disclosure_id   VARCHAR(100) NOT NULL,
    correction_id   VARCHAR(100) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    fields          TEXT[]       NOT NULL,
    superseded      JSONB        NOT NULL,
    corrected       JSONB        NOT NULL,
    reason          TEXT         NOT NULL,
    corrected_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT history_correction_pkey PRIMARY KEY (disclosure_id, correction_id)
);

-- Disputes, each by one subject; a person sees only their own.
CREATE TABLE history_dispute (
    disclosure_id   VARCHAR(100) NOT NULL,
    dispute_id      VARCHAR(100) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    person_ref      BYTEA        NOT NULL,
    statement       TEXT         NOT NULL,
    disputed_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT history_dispute_pkey PRIMARY KEY (disclosure_id, dispute_id)
);

-- A bulk disclosure may draw many disputes; a person's are found without reading the others.
CREATE INDEX history_dispute_person_idx ON history_dispute (person_ref, disclosure_id);

CREATE TABLE history_destruction_request (
    disclosure_id   VARCHAR(100) NOT NULL,
    request_id      VARCHAR(100) NOT NULL,
    sequence_number BIGINT       NOT NULL,
    requested_by    TEXT         NOT NULL,
    authority       TEXT         NOT NULL,
    due_by          DATE,
    requested_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT history_destruction_request_pkey PRIMARY KEY (disclosure_id, request_id)
);

CREATE TABLE history_destruction_certification (
    disclosure_id    VARCHAR(100) NOT NULL,
    certification_id VARCHAR(100) NOT NULL,
    sequence_number  BIGINT       NOT NULL,
    request_id       VARCHAR(100),
    certified_by     TEXT         NOT NULL,
    destroyed_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    method           TEXT         NOT NULL,
    certified_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT history_destruction_certification_pkey PRIMARY KEY (disclosure_id, certification_id)
);
