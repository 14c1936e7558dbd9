-- Findings in the person history (issue 6): the latest judgement of each disclosure by the rulebook in force when it
-- happened, from its DisclosureFlagged events. One row per flagged disclosure: a later judgement (after a correction)
-- replaces the earlier one, and a correction removes the earlier one first (the corrected details may have nothing
-- left to find, and then no DisclosureFlagged follows). Rebuilt from the events like every history table. Findings
-- name rules, dates, states, agencies and categories, never a person.
-- (Numbered V6 on the rulebook branch; the lead renumbers it at merge if another V6 landed first.)
CREATE TABLE history_finding_set (
    disclosure_id    VARCHAR(100) NOT NULL,
    -- The DisclosureFlagged event's sequence number within the disclosure: a lower one never replaces a higher one.
    sequence_number  BIGINT       NOT NULL,
    correction_id    VARCHAR(100),
    rulebook_name    TEXT         NOT NULL,
    rulebook_version TEXT         NOT NULL,
    rulebook_sha256  CHAR(64)     NOT NULL,
    judged_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    -- [{"ruleId": ..., "severity": ..., "explanation": ...}, ...] in the rulebook's order.
    findings         JSONB        NOT NULL,
    CONSTRAINT history_finding_set_pkey PRIMARY KEY (disclosure_id)
);
