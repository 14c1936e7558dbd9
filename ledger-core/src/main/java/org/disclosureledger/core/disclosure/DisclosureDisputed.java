package org.disclosureledger.core.disclosure;

import java.time.Instant;
import org.disclosureledger.core.subject.PersonRef;

/** A subject disputed a disclosure, in their own words. */
public record DisclosureDisputed(
        DisclosureId disclosureId,
        FollowOnId disputeId,
        PersonRef subject,
        String statement,
        Instant disputedAt,
        String requestDigest) {}
