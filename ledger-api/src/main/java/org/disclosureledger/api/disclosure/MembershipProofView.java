package org.disclosureledger.api.disclosure;

import java.util.List;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.projections.history.MembershipProof;

/**
 * A membership proof as the API returns it: hashes in lower-case hex. Checking it needs nothing but these fields and
 * RFC 9162's inclusion-proof verification: the proof must lead from {@code leafHash} at {@code leafIndex} to
 * {@code manifestRoot}, the root of the sealing event.
 */
record MembershipProofView(
        String disclosureId,
        long leafIndex,
        long treeSize,
        String leafHash,
        List<String> inclusionProof,
        String manifestRoot) {

    static MembershipProofView of(MembershipProof proof) {
        return new MembershipProofView(
                proof.disclosureId().value(),
                proof.leafIndex(),
                proof.treeSize(),
                proof.leafHash().hex(),
                proof.inclusionProof().stream().map(Sha256Hash::hex).toList(),
                proof.manifestRoot().hex());
    }
}
