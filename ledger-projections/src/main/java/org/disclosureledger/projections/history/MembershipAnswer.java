package org.disclosureledger.projections.history;

import java.time.LocalDate;

/** What {@link MembershipProofs} answers when asked whether a person is in a bulk disclosure's manifest. */
public sealed interface MembershipAnswer {

    /** The person is in the sealed manifest, and this is the proof. */
    record Proven(MembershipProof proof) implements MembershipAnswer {}

    /** The person is not in the sealed manifest. */
    record NotInManifest() implements MembershipAnswer {}

    /** No bulk disclosure has this id (it may be a single disclosure, or not yet in the read model). */
    record UnknownBulkDisclosure() implements MembershipAnswer {}

    /** The bulk disclosure is still open: its manifest has no root to prove against yet. */
    record NotSealed() implements MembershipAnswer {}

    /**
     * The disclosure's suspension is in force: like the history, the answer is withheld until it ends, for members and
     * non-members alike, so that it says nothing about who is in it.
     */
    record Withheld(LocalDate until, String authority) implements MembershipAnswer {}
}
