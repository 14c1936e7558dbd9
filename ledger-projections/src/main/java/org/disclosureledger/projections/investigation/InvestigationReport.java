package org.disclosureledger.projections.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.rulebook.Finding;

/**
 * The answer to an investigation, the part that is hashed: nothing here depends on when or where it was computed,
 * so replaying the same definition against the same checkpoint gives the same canonical bytes. Names no enrollee:
 * affected subjects are counted, never listed.
 *
 * @param format      the report's format, {@value #FORMAT}
 * @param definition  what was asked
 * @param checkpoint  the signed checkpoint the replay stopped at
 * @param rulebooks   every rulebook version the findings came from
 * @param counts      totals over the disclosures in scope
 * @param disclosures the disclosures in scope, ordered by id, each as it stood at the checkpoint
 */
public record InvestigationReport(
        String format,
        InvestigationDefinition definition,
        CheckpointRef checkpoint,
        List<RulebookRef> rulebooks,
        Counts counts,
        List<DisclosureInScope> disclosures) {

    public static final String FORMAT = "disclosure-ledger-investigation-v1";

    /** The checkpoint a report was computed against: tree size and root hash (lower-case hex). */
    public record CheckpointRef(long treeSize, String rootHash) {}

    /** One rulebook version used, with the SHA-256 of its canonical JSON (as the bundle carries it). */
    public record RulebookRef(String name, String version, String sha256) {}

    /**
     * Totals.
     *
     * @param eventsRead         ledger entries replayed (the checkpoint's tree size)
     * @param disclosures        disclosures in scope
     * @param recordsReleased    the sum of their record counts
     * @param corrected          how many of them were corrected before the checkpoint
     * @param withFindings       how many have at least one finding
     * @param findingsBySeverity findings by severity name
     * @param unjudged           disclosures no rulebook version was in force for
     * @param affectedSubjects   distinct enrollees (pseudonyms) across them
     */
    public record Counts(
            long eventsRead,
            long disclosures,
            long recordsReleased,
            long corrected,
            long withFindings,
            Map<String, Long> findingsBySeverity,
            long unjudged,
            long affectedSubjects) {}

    /**
     * One disclosure in scope as it stood at the checkpoint.
     *
     * @param disclosureId    the disclosure
     * @param kind            {@code SINGLE} or {@code BULK}
     * @param recordedAt      when the ledger recorded it
     * @param details         its details with the corrections made before the checkpoint, and none after
     * @param sealed          false for a bulk disclosure whose subjects were still arriving at the checkpoint
     * @param subjectCount    how many subjects it names (attached before the checkpoint)
     * @param corrections     corrections applied
     * @param entries         every ledger entry of this disclosure up to the checkpoint, by ledger index
     * @param rulebookVersion the version it was judged under; null when none was in force
     * @param findings        what the rules found
     */
    public record DisclosureInScope(
            String disclosureId,
            String kind,
            Instant recordedAt,
            DisclosureDetails details,
            boolean sealed,
            long subjectCount,
            int corrections,
            List<Entry> entries,
            String rulebookVersion,
            List<Finding> findings) {}

    /** A ledger entry: its index (the leaf in the tree) and its event's stable type name. */
    public record Entry(long ledgerIndex, String type) {}
}
