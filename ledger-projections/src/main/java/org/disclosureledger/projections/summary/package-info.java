/**
 * Agency summaries: what each recipient agency received, per custodian state, purpose code, data category and month
 * (of when the disclosure occurred, UTC): disclosures, distinct subjects, records, open destruction requests,
 * certified destructions, and the rulebook's flags (flagged disclosures and the most severe finding; per agency also
 * the distinct people the flagged disclosures named). A pooled streaming event processor
 * ({@value org.disclosureledger.projections.summary.AgencySummaryProjection#PROCESSING_GROUP}) keeps a row per
 * disclosure with the cells it contributes to, so that a correction moves its contribution from the old cells to the
 * new ones; {@link org.disclosureledger.projections.summary.AgencySummaryQueries} lists the agencies with their totals
 * and reads one agency's breakdown with filters, {@link org.disclosureledger.projections.summary.BreakdownCsv} renders a
 * breakdown as CSV, and {@link org.disclosureledger.projections.summary.AgencySummaryRebuild} rebuilds the tables from
 * the event store. {@link org.disclosureledger.projections.summary.AgencySummaryConfiguration} wires it all into an
 * application; the tables are created by Flyway ({@code db/migration/V4__agency_summaries.sql}).
 *
 * <p>Distinct subjects are exact, because auditors count people. Each cell's count is kept up to date by a membership
 * table ({@code summary_group_subject}, {@code V8__summary_group_subjects.sql}): one row per person per group, a group
 * being what a disclosure's cells share (agency, state, purpose, month), holding per data category how many times the
 * group's disclosures with that category list the person (V13; once per disclosure unless a bulk manifest lists them in
 * two chunks). A person is counted in a cell when their count for its category rises from 0 and uncounted when it
 * returns to 0 (a correction). Reading a breakdown is then a range scan of a few cells, whatever the number of people;
 * the price is paid on writing, one membership row per subject of each distinct group, and on corrections that move a
 * disclosure to other cells. The alternative, counting at query time from the disclosures' subjects, writes nothing
 * more but makes every breakdown read all the agency's subjects once per category; an agency's totals, which span
 * cells, are counted that way (over {@code summary_subject}, one row per listing of a person in a disclosure). V4 kept
 * one membership row per person per cell, four times the rows for a four-category disclosure under a six-column key.
 *
 * <p>Flags ({@code V12__summary_flags.sql}) follow each disclosure's latest judgement, as the person history does: a
 * {@code DisclosureFlagged} event flags the disclosure once, however many findings, under its most severe one; a
 * correction clears the flag, and the corrected details' own judgement, if any, sets it again. A cell counts its
 * flagged disclosures per severity, so that one leaving the cell takes its severity along by a relative update, and the
 * most severe is the highest with a count. An agency's flagged distinct people are counted when asked, in the same pass
 * as all its distinct people (about 155 ms for 120,000 subject rows, flagged or not). Per cell they are not kept: a
 * second count array on the membership rows did it exactly, but made attaching a flagged bulk disclosure's subjects
 * about 40% slower and the membership table about 40% larger, and made a correction of a flagged bulk disclosure pass
 * over all its subjects twice (measured in {@code AgencySummaryVolumeTest}; see {@code docs/decisions.md}).
 *
 * <p>Measured on the build machine ({@code AgencySummaryVolumeTest}: 100,000 people in two bulk disclosures of 60,000
 * sharing 20,000, four categories each, chunks of 10,000; single runs, orders of magnitude): attaching the 120,000
 * subjects took 2.0 s (about 61,000 subjects a second; 7.1 s with V4's per-cell rows); {@code summary_group_subject}
 * then held 100,000 rows in 31 MB (V4: 400,000 rows in 104 MB) against 19 MB for {@code summary_subject} (9.8 MB since
 * V13 indexes it by disclosure only, leaving a person listed in two chunks to count as two listings; attaching a
 * million subjects in the bulk benchmark then cost PostgreSQL about 6 s of CPU less); a correction moving one
 * 60,000-subject disclosure to another month took 1.5 s (2.3 s since V13, which counts each person's listings first;
 * 1.9 to 2.3 s since it leaves the old group by key, as it must while the statistics predate the disclosure; V4:
 * 5.8 s); reading the breakdown took 1 ms and listing the agencies (distinct counted at query time) 145 ms, while
 * counting one cell's distinct subjects at query time took 41 ms, a cost that grows with the subjects and is paid per
 * category cell.
 *
 * <p>Cells, groups and membership rows are shared by disclosures handled in parallel segments. Each batch registers
 * its groups, adds its people to them and writes its net change per cell once, in one order every batch follows, just
 * before it commits ({@link org.disclosureledger.projections.summary.CellChanges}), so that batches hold these rows'
 * locks only from then to their commit and never deadlock on them. Written as each event was handled, a batch of
 * disclosures in different cells took the cells' locks in its events' order: catching up on 200,000 disclosures in six
 * cells, the segments deadlocked about 390 times, each time rolling a batch back, and handled about 157 disclosures a
 * second. Two bulk disclosures of one population to one agency in one month, their chunks in different orders,
 * deadlocked the same way on their people's membership rows. A correction is the exception: it writes the batch's
 * memberships so far and moves its own people as it is handled, so two batches correcting disclosures of the same
 * people may still deadlock; PostgreSQL then aborts one, and the processor retries it.
 */
package org.disclosureledger.projections.summary;
