package org.disclosureledger.projections.stream;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.disclosureledger.core.access.AccessId;
import org.disclosureledger.core.access.AccessedRecord;
import org.disclosureledger.core.access.ReaderRole;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.rulebook.Finding;

/**
 * The {@code data} of each kind of disclosure message, field for field as {@code docs/stream.md} lists them and as
 * the JSON Schemas in {@code schemas/stream} require. Each is built from its stored event by naming what may go out,
 * never by removing what may not: a field added to an event later stays off the stream until it is added here.
 * Nothing here can hold a person reference, a dispute statement or a request digest.
 */
final class StreamData {

    private StreamData() {}

    /** {@code recorded}: a disclosure recorded whole; its subjects are a count. */
    record Recorded(
            DisclosureId disclosureId,
            Instant recordedAt,
            DisclosureDetails details,
            long subjectCount,
            Suspension suspension) {}

    /** {@code bulk-opened}. */
    record BulkOpened(
            DisclosureId disclosureId, Instant recordedAt, DisclosureDetails details, Suspension suspension) {}

    /** {@code bulk-subjects-attached}: a chunk's place and size, and the digest that binds its subjects. */
    record BulkSubjectsAttached(
            DisclosureId disclosureId,
            int chunkNumber,
            long firstManifestIndex,
            long subjectCount,
            String chunkDigest,
            Instant attachedAt) {}

    /** {@code bulk-sealed}: the count and the manifest's Merkle root. */
    record BulkSealed(
            DisclosureId disclosureId, long subjectCount, int chunkCount, String manifestRoot, Instant sealedAt) {}

    /** {@code corrected}. */
    record Corrected(
            DisclosureId disclosureId,
            FollowOnId correctionId,
            List<CorrectableField> fields,
            DisclosureDetails superseded,
            DisclosureDetails corrected,
            String reason,
            Instant correctedAt) {}

    /** {@code flagged}: the rulebook's findings about a disclosure; they name rules, never a person. */
    record Flagged(
            DisclosureId disclosureId,
            FollowOnId correctionId,
            String rulebookName,
            String rulebookVersion,
            String rulebookSha256,
            Instant judgedAt,
            List<Finding> findings) {}

    /** {@code history-accessed}: who read a person's records, how and why; never whose records they were. */
    record HistoryAccessed(
            AccessId accessId,
            String readerSubject,
            ReaderRole role,
            AccessedRecord record,
            String purpose,
            Instant accessedAt) {}

    /** {@code disputed}: that a dispute was made, not by whom nor what it says. */
    record Disputed(DisclosureId disclosureId, FollowOnId disputeId, Instant disputedAt) {}

    /** {@code destruction-requested}. */
    record DestructionRequested(
            DisclosureId disclosureId,
            FollowOnId requestId,
            String requestedBy,
            String authority,
            LocalDate dueBy,
            Instant requestedAt) {}

    /** {@code destruction-certified}. */
    record DestructionCertified(
            DisclosureId disclosureId,
            FollowOnId certificationId,
            FollowOnId requestId,
            String certifiedBy,
            Instant destroyedAt,
            String method,
            Instant certifiedAt) {}

    /** {@code suspension-lifted}. */
    record SuspensionLifted(
            DisclosureId disclosureId, FollowOnId liftId, String authority, String reason, Instant liftedAt) {}
}
