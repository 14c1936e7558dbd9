package org.disclosureledger.core.disclosure;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The recipient certifies that it destroyed the data.
 *
 * @param requestId the destruction request this answers, or null when the recipient destroyed unasked
 */
public record CertifyDestruction(
        @TargetAggregateIdentifier DisclosureId disclosureId,
        FollowOnId certificationId,
        FollowOnId requestId,
        String certifiedBy,
        Instant destroyedAt,
        String method,
        String requestDigest) {}
