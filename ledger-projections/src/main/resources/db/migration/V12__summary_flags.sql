-- Flagged disclosures in the agency summaries (issue 6): how many of a cell's disclosures the rulebook flagged and the
-- most severe finding among them. An agency's flagged distinct people are counted at query time from summary_subject;
-- per cell they are not kept (docs/decisions.md gives the measured cost). A disclosure counts as flagged by its latest
-- judgement, as in the person history: a DisclosureFlagged event flags it (once, however many findings), a correction
-- clears the flag (the corrected details may have nothing left to find), and the corrected details' own
-- DisclosureFlagged, if any, flags it again.
--
-- Rows projected before this version hold no flags, and the DisclosureFlagged events they skipped cannot be told apart
-- from the ones still to come; so the end of this migration empties the agency summaries and forgets their processor's
-- tokens, and the processor replays the event store from its start when the application starts (as a rebuild would,
-- see AgencySummaryRebuild). Until it has caught up the summaries are incomplete. Every node must be stopped for the
-- upgrade, as for any rebuild.

-- The most severe finding of the disclosure's latest judgement (NOTICE, CONCERN or VIOLATION); null if not flagged.
ALTER TABLE summary_disclosure ADD COLUMN flag_severity VARCHAR(16),
    ADD CONSTRAINT summary_disclosure_flag_severity_check
        CHECK (flag_severity IN ('NOTICE', 'CONCERN', 'VIOLATION'));

-- A cell's flagged disclosures, by the most severe finding of each, so that a disclosure leaving the cell takes its
-- severity with it by relative updates, like every other count (a stored maximum could not be lowered that way).
ALTER TABLE summary_cell ADD COLUMN flagged_notice BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN flagged_concern BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN flagged_violation BIGINT NOT NULL DEFAULT 0,
    ADD CONSTRAINT summary_cell_flags_check CHECK (flagged_notice >= 0 AND flagged_concern >= 0
        AND flagged_violation >= 0 AND flagged_notice + flagged_concern + flagged_violation <= disclosures);

TRUNCATE summary_disclosure, summary_subject, summary_cell, summary_group, summary_group_subject;
DELETE FROM token_entry WHERE processor_name = 'agency-summaries';
