package org.disclosureledger.core.disclosure;

import java.time.LocalDate;
import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.core.shared.Texts;

/**
 * A lawful hold on telling the subjects about a disclosure (45 CFR 164.528(a)(2)): until {@code until}, the entry is
 * shown to them as existing and withheld, naming {@code authority}, with no other detail.
 */
public record Suspension(LocalDate until, String authority) {

    public Suspension {
        if (until == null) {
            throw new InvalidValue("suspension.until", "suspension.until is required");
        }
        authority = Texts.required("suspension.authority", authority, 500);
    }
}
