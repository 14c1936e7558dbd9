/**
 * Agency summaries: what each recipient agency received, per custodian state, purpose code, data category and month
 * (of when the disclosure occurred, UTC): disclosures, distinct subjects, records, open destruction requests and
 * certified destructions. A pooled streaming event processor
 * ({@value org.disclosureledger.projections.summary.AgencySummaryProjection#PROCESSING_GROUP}) keeps a row per
 * disclosure with the cells it contributes to, so that a correction moves its contribution from the old cells to the
 * new ones; {@link org.disclosureledger.projections.summary.AgencySummaryQueries} lists the agencies with their totals
 * and reads one agency's breakdown with filters, {@link org.disclosureledger.projections.summary.BreakdownCsv} renders a
 * breakdown as CSV, and {@link org.disclosureledger.projections.summary.AgencySummaryRebuild} rebuilds the tables from
 * the event store. {@link org.disclosureledger.projections.summary.AgencySummaryConfiguration} wires it all into an
 * application; the tables are created by Flyway ({@code db/migration/V4__agency_summaries.sql}).
 *
 * <p>Distinct subjects are exact, because auditors count people. Each cell's count is kept up to date by a membership
 * table ({@code summary_cell_subject}: one row per person per cell, with the number of the cell's disclosures that
 * name them): a person is counted when their first disclosure in the cell arrives and uncounted when their last one
 * leaves it (a correction). Reading a breakdown is then a range scan of a few cells, whatever the number of people;
 * the price is paid on writing, one membership row per subject per data category of each distinct cell, and on
 * corrections that move a disclosure to other cells, which move its memberships too. The alternative, counting at
 * query time from the disclosures' subjects, writes nothing more but makes every breakdown read all the agency's
 * subjects once per category; an agency's totals, which span cells, are counted that way (over
 * {@code summary_subject}, one row per subject per disclosure).
 *
 * <p>Measured on the build machine ({@code AgencySummaryVolumeTest}: 100,000 people in two bulk disclosures of 60,000
 * sharing 20,000, four categories each, chunks of 10,000; single runs, orders of magnitude): attaching the 120,000
 * subjects took 7.1 s (about 17,000 subjects or 68,000 membership rows a second); {@code summary_cell_subject} then
 * held 400,000 rows in 104 MB against 19 MB for {@code summary_subject}; a correction moving one 60,000-subject
 * disclosure to another month took 5.8 s; reading the breakdown took 31 ms and listing the agencies (distinct counted
 * at query time) 186 ms, while counting one cell's distinct subjects at query time took 45 ms, a cost that grows with
 * the subjects and is paid per category cell. Cells are shared by disclosures handled in parallel segments, so two
 * batches may deadlock on them; PostgreSQL then aborts one, and the processor retries it.
 */
package org.disclosureledger.projections.summary;
