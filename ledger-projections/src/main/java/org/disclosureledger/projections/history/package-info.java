/**
 * Each enrollee's accounting of disclosures: the person-history read model. A pooled streaming event processor
 * ({@value org.disclosureledger.projections.history.PersonHistoryProjection#PROCESSING_GROUP}) keeps one row per
 * disclosure with its current details and state, one row per subject per disclosure (written with PostgreSQL COPY when
 * an event has more subjects than a single disclosure may, else with one INSERT skipping existing rows, one for up to
 * 100 of a batch's single disclosures), and the follow-ons an entry shows: corrections with the original values,
 * disputes, destruction requests and certifications.
 * {@link org.disclosureledger.projections.history.PersonHistoryQueries} reads one person's history, newest first and
 * paginated, with suspended entries withheld; {@link org.disclosureledger.projections.history.PersonHistoryRebuild}
 * rebuilds the tables from the event store. {@link org.disclosureledger.projections.history.PersonHistoryConfiguration}
 * wires it all into an application; the tables are created by Flyway ({@code db/migration/V3__person_history.sql}).
 */
package org.disclosureledger.projections.history;
