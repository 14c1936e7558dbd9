package org.disclosureledger.api.disclosure;

import tools.jackson.databind.JsonNode;

/** The JSON bodies of the follow-on endpoints and of sealing. */
public final class FollowOnBodies {

    private FollowOnBodies() {}

    /** Seal a bulk disclosure, stating how many subjects were sent. */
    public record Seal(Long subjectCount) {}

    /**
     * Supersede fields: {@code corrections} maps field names (as in {@link DisclosureBody}) to their new values.
     */
    public record Correction(String correctionId, JsonNode corrections, String reason) {}

    /** The fields a correction may carry, with the same shapes as in {@link DisclosureBody}. */
    public record CorrectedFields(
            String occurredAt,
            String disclosingSystem,
            String releasingOfficial,
            DisclosureBody.Recipient recipient,
            String requester,
            DisclosureBody.Purpose purpose,
            DisclosureBody.LegalAuthority legalAuthority,
            java.util.List<String> dataCategories,
            String mode,
            DisclosureBody.AccessWindow accessWindow,
            Long recordCount) {}

    /** A subject disputes the disclosure. */
    public record Dispute(String disputeId, String statement) {}

    /** Ask the recipient to destroy the data. {@code dueBy} is a date (YYYY-MM-DD), optional. */
    public record DestructionRequest(String requestId, String requestedBy, String authority, String dueBy) {}

    /** The recipient certifies destruction; {@code requestId} names the request it answers, if any. */
    public record DestructionCertification(
            String certificationId, String requestId, String certifiedBy, String destroyedAt, String method) {}

    /** End a suspension early. */
    public record SuspensionLift(String liftId, String authority, String reason) {}
}
