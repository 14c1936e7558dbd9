package org.disclosureledger.core.rulebook;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureDetails;

/**
 * One version of a rulebook: in force from {@link #effectiveFrom()} until the next version's. Judging is a pure
 * function of the disclosure's details (as of some point), this version and the instant it is judged at (which court
 * orders and agreements apply).
 */
public interface Rulebook {

    /** The rulebook's name, such as {@code us-medicaid-disclosures}. */
    String name();

    /** The version, unique within the name. */
    String version();

    /** From when this version is the one in force. */
    Instant effectiveFrom();

    /** The findings about one disclosure judged at an instant; empty when no rule has anything to say. */
    List<Finding> evaluate(DisclosureDetails details, Instant judgedAt);

    /** This version's canonical JSON bytes, as an evidence bundle carries it. */
    byte[] canonicalJson();

    /** Lower-case hex SHA-256 of {@link #canonicalJson()}. */
    String sha256();
}
