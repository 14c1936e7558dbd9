-- Agency summaries' distinct-subject counts, one membership row per person per group instead of per cell (issue 8).
-- A group is what a disclosure's cells share: recipient agency, custodian state, purpose code and month; its cells are
-- the group's data categories. V4 kept one summary_cell_subject row per person per cell, so a 1,000,000-subject bulk
-- disclosure with four categories wrote 4,000,000 rows under a six-column key (measured about 50 ms per 1,000
-- subjects). Here a person has one row per group holding, per data category, how many of the group's disclosures with
-- that category name them (measured about 12 ms per 1,000 subjects). A person counts in a cell while their count for
-- its category is above zero, so the counts stay exact.

-- The position of each data category in the counts arrays. Positions are 1..n without gaps, never reused or
-- reordered; a new category is appended (a test checks that every DataCategory has a row).
CREATE TABLE summary_category (
    data_category VARCHAR(32) NOT NULL,
    position      INTEGER     NOT NULL,
    CONSTRAINT summary_category_pkey PRIMARY KEY (data_category),
    CONSTRAINT summary_category_position_key UNIQUE (position)
);

INSERT INTO summary_category (data_category, position) VALUES
    ('NAME', 1),
    ('ADDRESS', 2),
    ('SSN', 3),
    ('DATE_OF_BIRTH', 4),
    ('SEX', 5),
    ('PHONE', 6),
    ('EMAIL', 7),
    ('MEDICAID_ID', 8),
    ('IMMIGRATION_STATUS', 9),
    ('CITIZENSHIP', 10),
    ('RACE_ETHNICITY', 11),
    ('LANGUAGE', 12),
    ('HOUSEHOLD', 13),
    ('INCOME', 14),
    ('ELIGIBILITY', 15),
    ('ENROLLMENT', 16),
    ('CLAIMS', 17),
    ('DIAGNOSES', 18),
    ('PROCEDURES', 19),
    ('PRESCRIPTIONS', 20),
    ('PROVIDERS', 21);

-- A group's key: the first 64 bits of SHA-256 over its fields, so that a rebuild gives every group the same key
-- whatever order the segments meet them in. summary_group maps each key back to its fields; the projection refuses a
-- key that another group already holds, so a collision stops the projection instead of mixing two groups' counts.
CREATE FUNCTION summary_group_id(agency TEXT, state TEXT, purpose TEXT, month DATE) RETURNS BIGINT
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ('x' || left(encode(sha256(convert_to(
        agency || chr(31) || state || chr(31) || purpose || chr(31) || month::text, 'UTF8')), 'hex'), 16))::bit(64)::bigint $$;

-- Elementwise sum of two count arrays (the shorter one read as zeros past its end).
CREATE FUNCTION summary_add_counts(a INTEGER[], b INTEGER[]) RETURNS INTEGER[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY o) FROM unnest(a, b) WITH ORDINALITY AS u(x, y, o) $$;

-- A counts array with step at the positions of the given categories and 0 elsewhere, over every known category.
CREATE FUNCTION summary_counts_of(categories TEXT[], step INTEGER) RETURNS INTEGER[]
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT array_agg(CASE WHEN c.data_category = ANY(categories) THEN step ELSE 0 END ORDER BY c.position)
          FROM summary_category c $$;

CREATE TABLE summary_group (
    group_id            BIGINT      NOT NULL,
    recipient_agency_id VARCHAR(64) NOT NULL,
    custodian_state     CHAR(2)     NOT NULL,
    purpose_code        VARCHAR(32) NOT NULL,
    month               DATE        NOT NULL,
    CONSTRAINT summary_group_pkey PRIMARY KEY (group_id)
);

CREATE TABLE summary_group_subject (
    group_id   BIGINT    NOT NULL,
    person_ref BYTEA     NOT NULL,
    counts     INTEGER[] NOT NULL,
    CONSTRAINT summary_group_subject_pkey PRIMARY KEY (group_id, person_ref),
    CONSTRAINT summary_group_subject_counts_check CHECK (0 <= ALL (counts))
);

-- Carry existing memberships over, so that no rebuild is needed.
INSERT INTO summary_group (group_id, recipient_agency_id, custodian_state, purpose_code, month)
SELECT DISTINCT summary_group_id(recipient_agency_id, custodian_state, purpose_code, month),
    recipient_agency_id, custodian_state, purpose_code, month
FROM summary_cell_subject;

INSERT INTO summary_group_subject (group_id, person_ref, counts)
SELECT summary_group_id(m.recipient_agency_id, m.custodian_state, m.purpose_code, m.month), m.person_ref,
    (SELECT array_agg(coalesce((SELECT n.disclosures FROM summary_cell_subject n
            WHERE n.recipient_agency_id = m.recipient_agency_id AND n.custodian_state = m.custodian_state
                AND n.purpose_code = m.purpose_code AND n.month = m.month AND n.person_ref = m.person_ref
                AND n.data_category = c.data_category), 0) ORDER BY c.position)
     FROM summary_category c)
FROM (SELECT DISTINCT recipient_agency_id, custodian_state, purpose_code, month, person_ref
      FROM summary_cell_subject) m;

DROP TABLE summary_cell_subject;
