package org.disclosureledger.projections.history;

import java.time.Instant;
import org.disclosureledger.core.disclosure.FollowOnId;

/**
 * A dispute the person made against an entry, in their own words. Only the person's own disputes are shown to them.
 *
 * @param disputedAt when the ledger recorded the dispute
 */
public record Dispute(FollowOnId disputeId, String statement, Instant disputedAt) {}
