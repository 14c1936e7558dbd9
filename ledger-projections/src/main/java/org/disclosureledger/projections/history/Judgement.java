package org.disclosureledger.projections.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.rulebook.Finding;

/**
 * What the rulebook in force when a disclosure happened found about it, as last judged (after its latest correction).
 *
 * @param judgedAt the instant the rules were applied at: the disclosure's occurredAt
 * @param findings at least one, in the rulebook's order
 */
public record Judgement(
        String rulebookName, String rulebookVersion, String rulebookSha256, Instant judgedAt, List<Finding> findings) {

    public Judgement {
        Objects.requireNonNull(rulebookName, "rulebookName");
        findings = List.copyOf(findings);
    }
}
