package org.disclosureledger.core.disclosure;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.rulebook.Finding;

/**
 * The rulebook in force found something about a disclosure when it was recorded (or opened, for a bulk disclosure),
 * or after a correction changed its details. Names the rulebook version exactly (name, version and the SHA-256 of its
 * canonical JSON) so the judgement can be repeated. No finding, no event.
 *
 * @param correctionId the correction that led to this judgement; null when judged at recording
 * @param judgedAt     the instant the rules were applied at: the disclosure's occurredAt, which decides the orders
 * @param findings     at least one, in the rulebook's order
 */
public record DisclosureFlagged(
        DisclosureId disclosureId,
        FollowOnId correctionId,
        String rulebookName,
        String rulebookVersion,
        String rulebookSha256,
        Instant judgedAt,
        List<Finding> findings) {

    public DisclosureFlagged {
        findings = List.copyOf(findings);
    }
}
