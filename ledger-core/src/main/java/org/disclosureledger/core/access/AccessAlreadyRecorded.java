package org.disclosureledger.core.access;

/**
 * A {@link RecordHistoryAccess} named the access id of a read already on the ledger; nothing was written. Each read gets its own id (the API draws a random UUID per read), so this is a mistake to
 * retry under a new id, never a read to record twice.
 */
public class AccessAlreadyRecorded extends RuntimeException {

    private final AccessId accessId;

    public AccessAlreadyRecorded(AccessId accessId) {
        super("access '" + accessId + "' is already recorded; record the read under a new access id");
        this.accessId = accessId;
    }

    public AccessId accessId() {
        return accessId;
    }
}
