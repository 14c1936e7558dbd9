package org.disclosureledger.core.disclosure;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.disclosureledger.core.merkle.MerkleFrontier;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.core.shared.Texts;
import org.disclosureledger.core.subject.PersonRef;

/**
 * One disclosure and everything that happened to it since. Enforces the life cycle: a disclosure is recorded whole,
 * or opened, filled chunk by chunk and sealed; follow-ons apply only to a disclosure that exists and is complete.
 *
 * <p>The state kept here is deliberately small: a bulk disclosure's subjects are not held, only their count and the
 * manifest tree's frontier, so attaching chunk k costs the same as attaching chunk 1. Only a single (non-bulk)
 * disclosure keeps its subjects, to check that a dispute comes from one of them.
 */
public class Disclosure {

    /** A single disclosure carries at most this many subjects; larger releases are bulk disclosures. */
    public static final int MAX_SUBJECTS_PER_RECORD = 1_000;
    /** A bulk disclosure's chunk carries at most this many subjects. */
    public static final int MAX_SUBJECTS_PER_CHUNK = 10_000;
    /** How far in the future a caller's clock may be before its times are refused. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);
    /** Medicaid was signed into law on this day; nothing was disclosed from it before. */
    public static final Instant MEDICAID_ENACTED = Instant.parse("1965-07-30T00:00:00Z");

    @AggregateIdentifier
    private DisclosureId disclosureId;

    private boolean bulk;
    private boolean sealed;
    private Instant recordedAt;
    private String requestDigest;
    private DisclosureDetails details;
    private Suspension suspension;
    private boolean suspensionLifted;
    private Set<PersonRef> subjects = new HashSet<>();
    private int chunksAttached;
    private String lastChunkDigest;
    private MerkleFrontier manifest = MerkleFrontier.empty();
    private Map<String, String> followOnDigests = new HashMap<>();
    private Set<String> destructionRequests = new HashSet<>();
    private Set<String> certifiedRequests = new HashSet<>();

    /** For Axon and for snapshots. */
    protected Disclosure() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(RecordDisclosure command, Clock clock, RulebookLibrary rulebooks) {
        if (disclosureId != null) {
            return retryOf(command.disclosureId(), command.requestDigest());
        }
        Instant now = clock.instant();
        checkOccurredAt(command.disclosureId(), command.details(), now);
        checkSuspension(command.disclosureId(), command.details(), command.suspension());
        List<PersonRef> given = command.subjects() == null ? List.of() : command.subjects();
        if (given.isEmpty()) {
            throw rejected(
                    command.disclosureId(),
                    Rejection.NO_SUBJECTS,
                    "subjects",
                    "a disclosure needs at least one subject");
        }
        if (given.size() > MAX_SUBJECTS_PER_RECORD) {
            throw rejected(
                    command.disclosureId(),
                    Rejection.TOO_MANY_SUBJECTS,
                    "subjects",
                    "a single disclosure carries at most " + MAX_SUBJECTS_PER_RECORD + " subjects, this one has "
                            + given.size() + "; record it as a bulk disclosure instead");
        }
        checkNoDuplicates(command.disclosureId(), given, "subjects");
        apply(new DisclosureRecorded(
                command.disclosureId(), now, command.details(), given, command.suspension(), command.requestDigest()));
        judge(command.details(), null, rulebooks);
        return new Recorded(command.disclosureId(), now, false);
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public Recorded handle(OpenBulkDisclosure command, Clock clock, RulebookLibrary rulebooks) {
        if (disclosureId != null) {
            return retryOf(command.disclosureId(), command.requestDigest());
        }
        Instant now = clock.instant();
        checkOccurredAt(command.disclosureId(), command.details(), now);
        checkSuspension(command.disclosureId(), command.details(), command.suspension());
        apply(new BulkDisclosureOpened(
                command.disclosureId(), now, command.details(), command.suspension(), command.requestDigest()));
        judge(command.details(), null, rulebooks);
        return new Recorded(command.disclosureId(), now, false);
    }

    @CommandHandler
    public ChunkAttached handle(AttachSubjects command, Clock clock) {
        requireOpenBulk("attach subjects to");
        List<PersonRef> chunk = command.subjects() == null ? List.of() : command.subjects();
        String digest = chunkDigest(chunk);
        if (command.chunkNumber() == chunksAttached && chunksAttached > 0) {
            if (digest.equals(lastChunkDigest)) {
                return new ChunkAttached(command.chunkNumber(), chunk.size(), manifest.treeSize(), true);
            }
            throw rejected(
                    disclosureId,
                    Rejection.CHUNK_RETRY_DIFFERS,
                    "chunkNumber",
                    "chunk " + command.chunkNumber() + " is already attached with other subjects; the next chunk"
                            + " is " + (chunksAttached + 1));
        }
        if (command.chunkNumber() != chunksAttached + 1) {
            throw rejected(
                    disclosureId,
                    Rejection.CHUNK_OUT_OF_ORDER,
                    "chunkNumber",
                    "chunk " + command.chunkNumber() + " cannot be attached: " + chunksAttached
                            + " chunks are attached, so the next chunk is " + (chunksAttached + 1));
        }
        if (digest.equals(lastChunkDigest)) {
            // A resuming client whose file was still at the last chunk it sent: attaching it again would list every
            // one of its people twice in the manifest, and no chunk can be taken back.
            throw rejected(
                    disclosureId,
                    Rejection.CHUNK_REPEATS_LAST,
                    "chunkNumber",
                    "chunk " + command.chunkNumber() + " carries the same subjects, in the same order, as chunk "
                            + chunksAttached + ", the last one attached; send the chunk that follows it");
        }
        if (chunk.isEmpty()) {
            throw rejected(disclosureId, Rejection.NO_SUBJECTS, "subjects", "a chunk needs at least one subject");
        }
        if (chunk.size() > MAX_SUBJECTS_PER_CHUNK) {
            throw rejected(
                    disclosureId,
                    Rejection.TOO_MANY_SUBJECTS,
                    "subjects",
                    "a chunk carries at most " + MAX_SUBJECTS_PER_CHUNK + " subjects, this one has " + chunk.size());
        }
        checkNoDuplicates(disclosureId, chunk, "subjects");
        long first = manifest.treeSize();
        apply(new BulkSubjectsAttached(disclosureId, command.chunkNumber(), first, chunk, digest, clock.instant()));
        return new ChunkAttached(command.chunkNumber(), chunk.size(), first + chunk.size(), false);
    }

    @CommandHandler
    public Sealed handle(SealBulkDisclosure command, Clock clock) {
        if (bulk && sealed && command.subjectCount() == manifest.treeSize()) {
            // The answer to the seal was lost and the client sent it again: the original result, nothing written.
            return new Sealed(manifest.treeSize(), chunksAttached, manifest.rootHash(), true);
        }
        requireOpenBulk("seal");
        if (manifest.treeSize() == 0) {
            throw rejected(
                    disclosureId,
                    Rejection.NO_SUBJECTS,
                    "subjectCount",
                    "a bulk disclosure with no subjects attached cannot be sealed");
        }
        if (command.subjectCount() != manifest.treeSize()) {
            throw rejected(
                    disclosureId,
                    Rejection.SUBJECT_COUNT_MISMATCH,
                    "subjectCount",
                    "the seal states " + command.subjectCount() + " subjects but " + manifest.treeSize()
                            + " are attached in " + chunksAttached + " chunks");
        }
        String root = manifest.rootHash();
        apply(new BulkDisclosureSealed(disclosureId, manifest.treeSize(), chunksAttached, root, clock.instant()));
        return new Sealed(manifest.treeSize(), chunksAttached, root, false);
    }

    @CommandHandler
    public FollowOnRecorded handle(CorrectDisclosure command, Clock clock, RulebookLibrary rulebooks) {
        requireComplete("correct");
        if (isRetry(command.correctionId(), command.requestDigest())) {
            return new FollowOnRecorded(command.correctionId(), true);
        }
        String reason = text("reason", command.reason(), 2000);
        // Applied first: unchangedIn applies the correction too, and must not meet invalid details unwrapped.
        DisclosureDetails corrected = corrected(command.correction());
        Set<CorrectableField> unchanged = command.correction().unchangedIn(details);
        if (!unchanged.isEmpty()) {
            throw rejected(
                    disclosureId,
                    Rejection.CORRECTION_CHANGES_NOTHING,
                    "corrections",
                    "the correction gives the current value for " + unchanged
                            + "; a correction must change every field it names");
        }
        Instant now = clock.instant();
        checkOccurredAt(disclosureId, corrected, now);
        checkSuspension(disclosureId, corrected, suspensionLifted ? null : suspension);
        List<CorrectableField> fields =
                command.correction().fields().stream().sorted().toList();
        apply(new DisclosureCorrected(
                disclosureId,
                command.correctionId(),
                fields,
                details,
                corrected,
                reason,
                now,
                command.requestDigest()));
        judge(corrected, command.correctionId(), rulebooks);
        return new FollowOnRecorded(command.correctionId(), false);
    }

    @CommandHandler
    public FollowOnRecorded handle(DisputeDisclosure command, Clock clock) {
        requireComplete("dispute");
        // Withheld from its subjects for now: refused for members and others alike, so that the answer does not tell
        // anyone they are in it (as a membership proof is withheld).
        if (suspension != null
                && !suspensionLifted
                && suspension.until().isAfter(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
            throw rejected(
                    disclosureId,
                    Rejection.DISCLOSURE_WITHHELD,
                    null,
                    "this disclosure is withheld from the people it names until " + suspension.until()
                            + "; it cannot be disputed before then");
        }
        // Before the retry check, so that someone else's dispute ids stay their own business.
        if (!bulk && !subjects.contains(command.subject())) {
            throw rejected(
                    disclosureId,
                    Rejection.NOT_A_SUBJECT,
                    "subject",
                    "the person disputing is not a subject of this disclosure");
        }
        if (isRetry(command.disputeId(), command.requestDigest())) {
            return new FollowOnRecorded(command.disputeId(), true);
        }
        String statement = text("statement", command.statement(), 4000);
        apply(new DisclosureDisputed(
                disclosureId,
                command.disputeId(),
                command.subject(),
                statement,
                clock.instant(),
                command.requestDigest()));
        return new FollowOnRecorded(command.disputeId(), false);
    }

    @CommandHandler
    public FollowOnRecorded handle(RequestDestruction command, Clock clock) {
        requireComplete("request destruction of");
        if (isRetry(command.requestId(), command.requestDigest())) {
            return new FollowOnRecorded(command.requestId(), true);
        }
        String requestedBy = text("requestedBy", command.requestedBy(), 300);
        String authority = text("authority", command.authority(), 1000);
        apply(new DestructionRequested(
                disclosureId,
                command.requestId(),
                requestedBy,
                authority,
                command.dueBy(),
                clock.instant(),
                command.requestDigest()));
        return new FollowOnRecorded(command.requestId(), false);
    }

    @CommandHandler
    public FollowOnRecorded handle(CertifyDestruction command, Clock clock) {
        requireComplete("certify destruction of");
        if (isRetry(command.certificationId(), command.requestDigest())) {
            return new FollowOnRecorded(command.certificationId(), true);
        }
        if (command.requestId() != null) {
            String request = command.requestId().value();
            if (!destructionRequests.contains(request)) {
                throw rejected(
                        disclosureId,
                        Rejection.UNKNOWN_DESTRUCTION_REQUEST,
                        "requestId",
                        "no destruction request '" + request + "' was made for this disclosure");
            }
            if (certifiedRequests.contains(request)) {
                throw rejected(
                        disclosureId,
                        Rejection.DESTRUCTION_ALREADY_CERTIFIED,
                        "requestId",
                        "destruction request '" + request + "' is already certified");
            }
        }
        Instant now = clock.instant();
        if (command.destroyedAt() == null) {
            throw rejected(disclosureId, Rejection.INVALID_FIELD, "destroyedAt", "destroyedAt is required");
        }
        if (command.destroyedAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw rejected(
                    disclosureId, Rejection.DESTROYED_AT_OUT_OF_RANGE, "destroyedAt", "destroyedAt is in the future");
        }
        if (command.destroyedAt().isBefore(details.occurredAt())) {
            throw rejected(
                    disclosureId,
                    Rejection.DESTROYED_AT_OUT_OF_RANGE,
                    "destroyedAt",
                    "destroyedAt is before the disclosure occurred (" + details.occurredAt() + ")");
        }
        String certifiedBy = text("certifiedBy", command.certifiedBy(), 300);
        String method = text("method", command.method(), 1000);
        apply(new DestructionCertified(
                disclosureId,
                command.certificationId(),
                command.requestId(),
                certifiedBy,
                command.destroyedAt(),
                method,
                now,
                command.requestDigest()));
        return new FollowOnRecorded(command.certificationId(), false);
    }

    @CommandHandler
    public FollowOnRecorded handle(LiftSuspension command, Clock clock) {
        requireComplete("lift the suspension of");
        if (isRetry(command.liftId(), command.requestDigest())) {
            return new FollowOnRecorded(command.liftId(), true);
        }
        if (suspension == null) {
            throw rejected(disclosureId, Rejection.NO_SUSPENSION, null, "this disclosure is not suspended");
        }
        if (suspensionLifted) {
            throw rejected(
                    disclosureId,
                    Rejection.SUSPENSION_ALREADY_ENDED,
                    null,
                    "this disclosure's suspension was already lifted");
        }
        Instant now = clock.instant();
        if (!LocalDate.ofInstant(now, ZoneOffset.UTC).isBefore(suspension.until())) {
            throw rejected(
                    disclosureId,
                    Rejection.SUSPENSION_ALREADY_ENDED,
                    null,
                    "this disclosure's suspension ended on " + suspension.until());
        }
        String authority = text("authority", command.authority(), 1000);
        String reason = text("reason", command.reason(), 2000);
        apply(new SuspensionLifted(disclosureId, command.liftId(), authority, reason, now, command.requestDigest()));
        return new FollowOnRecorded(command.liftId(), false);
    }

    @EventSourcingHandler
    void on(DisclosureRecorded event) {
        disclosureId = event.disclosureId();
        recordedAt = event.recordedAt();
        requestDigest = event.requestDigest();
        details = event.details();
        suspension = event.suspension();
        subjects = new HashSet<>(event.subjects());
        sealed = true;
    }

    @EventSourcingHandler
    void on(BulkDisclosureOpened event) {
        disclosureId = event.disclosureId();
        recordedAt = event.recordedAt();
        requestDigest = event.requestDigest();
        details = event.details();
        suspension = event.suspension();
        bulk = true;
    }

    @EventSourcingHandler
    void on(BulkSubjectsAttached event) {
        chunksAttached = event.chunkNumber();
        lastChunkDigest = event.chunkDigest();
        manifest =
                manifest.append(event.subjects().stream().map(PersonRef::bytes).toList());
    }

    @EventSourcingHandler
    void on(BulkDisclosureSealed event) {
        sealed = true;
    }

    @EventSourcingHandler
    void on(DisclosureCorrected event) {
        details = event.corrected();
        followOnDigests.put(event.correctionId().value(), event.requestDigest());
    }

    @EventSourcingHandler
    void on(DisclosureDisputed event) {
        followOnDigests.put(event.disputeId().value(), event.requestDigest());
    }

    @EventSourcingHandler
    void on(DestructionRequested event) {
        followOnDigests.put(event.requestId().value(), event.requestDigest());
        destructionRequests.add(event.requestId().value());
    }

    @EventSourcingHandler
    void on(DestructionCertified event) {
        followOnDigests.put(event.certificationId().value(), event.requestDigest());
        if (event.requestId() != null) {
            certifiedRequests.add(event.requestId().value());
        }
    }

    @EventSourcingHandler
    void on(SuspensionLifted event) {
        followOnDigests.put(event.liftId().value(), event.requestDigest());
        suspensionLifted = true;
    }

    /** Nothing to remember: a flag records a judgement and changes nothing the aggregate decides later. */
    @EventSourcingHandler
    void on(DisclosureFlagged event) {
        // Deliberately empty.
    }

    /**
     * Judges details with the rulebook version in force when the disclosure happened, at that instant: the orders and
     * agreements that bound the custodian are those of the day the data was released, not of the day it was recorded.
     */
    private void judge(DisclosureDetails judged, FollowOnId correctionId, RulebookLibrary rulebooks) {
        Instant judgedAt = judged.occurredAt();
        rulebooks.inForceAt(judgedAt).ifPresent(rulebook -> {
            List<Finding> findings = rulebook.evaluate(judged, judgedAt);
            if (!findings.isEmpty()) {
                apply(new DisclosureFlagged(
                        disclosureId,
                        correctionId,
                        rulebook.name(),
                        rulebook.version(),
                        rulebook.sha256(),
                        judgedAt,
                        findings));
            }
        });
    }

    private Recorded retryOf(DisclosureId id, String digest) {
        if (requestDigest != null && requestDigest.equals(digest)) {
            return new Recorded(disclosureId, recordedAt, true);
        }
        throw rejected(
                id,
                Rejection.ID_REUSED_WITH_DIFFERENT_CONTENT,
                "disclosureId",
                "disclosure '" + id + "' is already recorded with different content; choose a new id, or send a"
                        + " correction to change it");
    }

    private boolean isRetry(FollowOnId id, String digest) {
        String earlier = followOnDigests.get(id.value());
        if (earlier == null) {
            return false;
        }
        if (earlier.equals(digest)) {
            return true;
        }
        throw rejected(
                disclosureId,
                Rejection.FOLLOW_ON_ID_REUSED,
                "id",
                "'" + id + "' is already used by another follow-on of this disclosure; choose a new id");
    }

    private void requireOpenBulk(String action) {
        if (!bulk) {
            throw rejected(
                    disclosureId,
                    Rejection.NOT_A_BULK_DISCLOSURE,
                    null,
                    "cannot " + action + " disclosure '" + disclosureId + "': it was recorded whole, not as a bulk"
                            + " disclosure");
        }
        if (sealed) {
            throw rejected(
                    disclosureId,
                    Rejection.ALREADY_SEALED,
                    null,
                    "cannot " + action + " bulk disclosure '" + disclosureId + "': it is already sealed with "
                            + manifest.treeSize() + " subjects (manifest root " + manifest.rootHash() + ")");
        }
    }

    private void requireComplete(String action) {
        if (!sealed) {
            throw rejected(
                    disclosureId,
                    Rejection.NOT_SEALED,
                    null,
                    "cannot " + action + " bulk disclosure '" + disclosureId + "' before it is sealed");
        }
    }

    private DisclosureDetails corrected(DetailsCorrection correction) {
        try {
            return correction.applyTo(details);
        } catch (IllegalArgumentException e) {
            throw rejected(disclosureId, Rejection.INVALID_FIELD, "corrections", e.getMessage());
        }
    }

    private static void checkOccurredAt(DisclosureId id, DisclosureDetails details, Instant now) {
        if (details.occurredAt().isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw rejected(
                    id,
                    Rejection.OCCURRED_IN_FUTURE,
                    "occurredAt",
                    "occurredAt " + details.occurredAt() + " is in the future (the ledger's time is " + now
                            + ", tolerance " + CLOCK_TOLERANCE.toMinutes() + " minutes)");
        }
        if (details.occurredAt().isBefore(MEDICAID_ENACTED)) {
            throw rejected(
                    id,
                    Rejection.OCCURRED_BEFORE_MEDICAID,
                    "occurredAt",
                    "occurredAt " + details.occurredAt() + " is before Medicaid existed (1965-07-30)");
        }
    }

    private static void checkSuspension(DisclosureId id, DisclosureDetails details, Suspension suspension) {
        if (suspension != null
                && !suspension.until().isAfter(LocalDate.ofInstant(details.occurredAt(), ZoneOffset.UTC))) {
            throw rejected(
                    id,
                    Rejection.SUSPENSION_NOT_AFTER_DISCLOSURE,
                    "suspension.until",
                    "suspension.until " + suspension.until() + " must be after the day the disclosure occurred");
        }
    }

    private static void checkNoDuplicates(DisclosureId id, List<PersonRef> given, String field) {
        Set<PersonRef> seen = new HashSet<>(given.size() * 2);
        for (int i = 0; i < given.size(); i++) {
            if (!seen.add(given.get(i))) {
                throw rejected(
                        id,
                        Rejection.DUPLICATE_SUBJECTS,
                        field + "[" + i + "]",
                        "subject " + i + " (counting from 0) is the same person as an earlier subject");
            }
        }
    }

    private String text(String field, String value, int maxLength) {
        try {
            return Texts.required(field, value, maxLength);
        } catch (IllegalArgumentException e) {
            throw rejected(disclosureId, Rejection.INVALID_FIELD, field, e.getMessage());
        }
    }

    private static String chunkDigest(List<PersonRef> chunk) {
        MessageDigest sha = sha256();
        chunk.forEach(s -> sha.update(s.bytes()));
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    private static DisclosureRejected rejected(DisclosureId id, Rejection reason, String field, String message) {
        return new DisclosureRejected(id, reason, field, message);
    }
}
