package org.disclosureledger.api.problem;

import org.disclosureledger.core.disclosure.DisclosureId;

/** A disclosure was to be recorded or opened under an id that another kind of entry on the ledger already holds. */
public class IdTakenByAnotherEntry extends RuntimeException {

    public IdTakenByAnotherEntry(DisclosureId id, Throwable cause) {
        super(
                "'" + id.value() + "' already names an entry on the ledger that is not a disclosure; choose a new id",
                cause);
    }
}
