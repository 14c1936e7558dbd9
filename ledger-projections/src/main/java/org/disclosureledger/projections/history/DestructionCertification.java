package org.disclosureledger.projections.history;

import java.time.Instant;
import org.disclosureledger.core.disclosure.FollowOnId;

/**
 * The recipient's certification that it destroyed the data.
 *
 * @param requestId   the destruction request it answers, or null when the recipient destroyed the data unasked
 * @param certifiedBy who certifies, for the recipient
 * @param destroyedAt when the recipient says it destroyed the data
 * @param method      how it was destroyed
 * @param certifiedAt when the ledger recorded the certification
 */
public record DestructionCertification(
        FollowOnId certificationId,
        FollowOnId requestId,
        String certifiedBy,
        Instant destroyedAt,
        String method,
        Instant certifiedAt) {}
