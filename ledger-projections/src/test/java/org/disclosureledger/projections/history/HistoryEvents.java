package org.disclosureledger.projections.history;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.disclosure.SuspensionLifted;
import org.disclosureledger.core.subject.PersonRef;

/**
 * Ledger events as the aggregate would emit them, for handing to the projection directly. Digests and manifest roots
 * are placeholders: the projection stores roots but checks neither.
 */
final class HistoryEvents {

    private static final String DIGEST = "0".repeat(64);
    private static final Duration RECORDING_DELAY = Duration.ofMinutes(30);

    private HistoryEvents() {}

    static DisclosureRecorded recorded(
            String id, DisclosureDetails details, Suspension suspension, PersonRef... subjects) {
        return new DisclosureRecorded(
                new DisclosureId(id),
                details.occurredAt().plus(RECORDING_DELAY),
                details,
                List.of(subjects),
                suspension,
                DIGEST);
    }

    static BulkDisclosureOpened opened(String id, DisclosureDetails details, Suspension suspension) {
        return new BulkDisclosureOpened(
                new DisclosureId(id), details.occurredAt().plus(RECORDING_DELAY), details, suspension, DIGEST);
    }

    static BulkSubjectsAttached attached(String id, int chunk, long firstIndex, List<PersonRef> subjects) {
        return new BulkSubjectsAttached(
                new DisclosureId(id), chunk, firstIndex, subjects, DIGEST, HistoryExamples.NOW.minusSeconds(600));
    }

    static BulkDisclosureSealed sealed(String id, long subjectCount, int chunkCount) {
        return new BulkDisclosureSealed(
                new DisclosureId(id), subjectCount, chunkCount, "f".repeat(64), HistoryExamples.NOW.minusSeconds(60));
    }

    static DisclosureCorrected corrected(
            String id, String correctionId, DisclosureDetails before, DetailsCorrection correction, Instant at) {
        return new DisclosureCorrected(
                new DisclosureId(id),
                new FollowOnId(correctionId),
                correction.fields().stream().sorted().toList(),
                before,
                correction.applyTo(before),
                "The data was made available for query, not sent as a file",
                at,
                DIGEST);
    }

    static DisclosureDisputed disputed(String id, String disputeId, PersonRef subject, String statement, Instant at) {
        return new DisclosureDisputed(new DisclosureId(id), new FollowOnId(disputeId), subject, statement, at, DIGEST);
    }

    static DestructionRequested destructionRequested(String id, String requestId, LocalDate dueBy, Instant at) {
        return new DestructionRequested(
                new DisclosureId(id),
                new FollowOnId(requestId),
                "Attorney General of California",
                "Preliminary injunction, 25-cv-01234 (N.D. Cal.)",
                dueBy,
                at,
                DIGEST);
    }

    static DestructionCertified destructionCertified(
            String id, String certificationId, String requestId, Instant destroyedAt, Instant at) {
        return new DestructionCertified(
                new DisclosureId(id),
                new FollowOnId(certificationId),
                requestId == null ? null : new FollowOnId(requestId),
                "ICE Records Officer",
                destroyedAt,
                "NIST SP 800-88 purge of all copies",
                at,
                DIGEST);
    }

    static SuspensionLifted lifted(String id, String liftId, Instant at) {
        return new SuspensionLifted(
                new DisclosureId(id),
                new FollowOnId(liftId),
                "Order vacating the seal, 25-cv-01234 (N.D. Cal.)",
                "The investigation concluded",
                at,
                DIGEST);
    }
}
