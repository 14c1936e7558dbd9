package org.disclosureledger.projections.history;

import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.merkle.Sha256Hash;

/**
 * Proof that a subject is in a sealed bulk disclosure's manifest: the RFC 9162 inclusion proof of their leaf (SHA-256
 * of 0x00 and their 32-byte pseudonym) at {@code leafIndex} in the manifest tree of {@code treeSize} leaves, whose
 * root the sealing event recorded as {@code manifestRoot}.
 */
public record MembershipProof(
        DisclosureId disclosureId,
        long leafIndex,
        long treeSize,
        Sha256Hash leafHash,
        List<Sha256Hash> inclusionProof,
        Sha256Hash manifestRoot) {

    public MembershipProof {
        inclusionProof = List.copyOf(inclusionProof);
    }
}
