package org.disclosureledger.projections.investigation;

import java.time.Instant;

/**
 * An investigation as a regulator polls it.
 *
 * @param id           the investigation
 * @param state        where it is
 * @param definition   what was asked
 * @param treeSize     the checkpoint it replays to
 * @param createdAt    when it was defined
 * @param startedAt    when the replay began; null while queued
 * @param finishedAt   when it ended; null until then
 * @param progress     events read of total, rate and time left
 * @param failure      why it failed or was interrupted; null otherwise
 * @param reportSha256 the report's SHA-256 (hex) once done
 * @param counts       the report's totals once done
 */
public record InvestigationStatus(
        InvestigationId id,
        InvestigationState state,
        InvestigationDefinition definition,
        long treeSize,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Progress progress,
        String failure,
        String reportSha256,
        InvestigationReport.Counts counts) {}
