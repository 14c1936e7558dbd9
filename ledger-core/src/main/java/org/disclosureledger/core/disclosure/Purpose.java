package org.disclosureledger.core.disclosure;

import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.core.shared.Texts;

/**
 * Why the data was disclosed: an NHIN PurposeOfUse code and the words the custodian used, which the enrollee reads.
 */
public record Purpose(PurposeOfUse code, String text) {

    public Purpose {
        if (code == null) {
            throw new InvalidValue(
                    "purpose.code", "purpose.code is required (an NHIN PurposeOfUse code, such as" + " OPERATIONS)");
        }
        text = Texts.required("purpose.text", text, 1000);
    }
}
