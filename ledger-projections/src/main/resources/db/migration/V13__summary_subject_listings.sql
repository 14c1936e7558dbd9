-- The agency summaries' subject rows without a uniqueness check (issue 8). summary_subject kept one row per person per
-- disclosure under a primary key on (disclosure_id, person_ref), so that a person listed in two chunks of one bulk
-- manifest was counted once. Inserting under that key cost PostgreSQL about 7 s per 1,000,000 subjects, 40% of the
-- agency summaries' work on a bulk disclosure (under 2 s with an index on the disclosure alone), to catch what the
-- aggregate already refuses within a chunk and what is rare across chunks. From this version:
--   * summary_subject holds one row per listing: a person named in two chunks of a disclosure has two rows. It is
--     indexed by disclosure only, whose entries PostgreSQL deduplicates (about 6 MB per 1,000,000 rows, against about
--     85 MB for the key).
--   * A membership row's count for a category (V8) is the number of listings of the person in the group's disclosures
--     with that category, not the number of those disclosures. A person still counts in a cell while that number is
--     above zero, so the distinct counts stay exact; a correction takes out as many listings as it finds per person.
-- Existing rows are unique, so their counts mean the same under both readings and nothing needs rebuilding.

ALTER TABLE summary_subject DROP CONSTRAINT summary_subject_pkey;

CREATE INDEX summary_subject_disclosure_idx ON summary_subject (disclosure_id);

-- A counts array with every element multiplied by factor.
CREATE FUNCTION summary_scale_counts(counts INTEGER[], factor INTEGER) RETURNS INTEGER[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT array_agg(x * factor ORDER BY o) FROM unnest(counts) WITH ORDINALITY AS u(x, o) $$;
