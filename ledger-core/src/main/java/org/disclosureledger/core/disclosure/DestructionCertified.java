package org.disclosureledger.core.disclosure;

import java.time.Instant;

/**
 * The recipient certified that it destroyed the data.
 *
 * @param requestId   the request this answers, or null when none was made
 * @param destroyedAt when the recipient says it destroyed the data
 * @param certifiedAt when the ledger recorded the certification
 */
public record DestructionCertified(
        DisclosureId disclosureId,
        FollowOnId certificationId,
        FollowOnId requestId,
        String certifiedBy,
        Instant destroyedAt,
        String method,
        Instant certifiedAt,
        String requestDigest) {}
