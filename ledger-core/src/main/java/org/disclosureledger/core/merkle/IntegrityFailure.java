package org.disclosureledger.core.merkle;

/**
 * Evidence that something the ledger presented does not hold: a proof that does not lead to the root it should, a
 * checkpoint that is not signed by the pinned key or is not well formed. Each subtype carries its evidence as fields
 * (indexes, tree sizes, expected and computed hashes), so a watchdog reports and alerts on the fields, never on the
 * message.
 */
public abstract class IntegrityFailure extends RuntimeException {

    protected IntegrityFailure(String message) {
        super(message);
    }
}
