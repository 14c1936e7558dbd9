package org.disclosureledger.watchdog.check;

import java.util.List;
import org.disclosureledger.core.merkle.Sha256Hash;

/**
 * The few questions the watchdog asks the ledger's API. Proofs are taken as hashes only: what they must lead to comes
 * from the watchdog's own checkpoints and the stream, never from the ledger's answer.
 */
public interface LedgerClient {

    /** The sibling hashes showing leaf {@code index} is in the tree of size {@code treeSize}. */
    List<Sha256Hash> inclusionProof(long index, long treeSize);

    /** The hashes showing the tree of size {@code to} extends the tree of size {@code from}. */
    List<Sha256Hash> consistencyProof(long from, long to);

    /** The verifier key text the ledger publishes. */
    String publicKey();

    /**
     * The ledger could not be reached, or answered with a server error or a client error that says nothing about what
     * was asked (429, 408, 401, 403...): ask again later.
     */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** The ledger answered that it cannot give what was asked (a 4xx problem such as 404 or 422), with its words. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }
}
