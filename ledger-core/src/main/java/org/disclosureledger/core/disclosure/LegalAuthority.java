package org.disclosureledger.core.disclosure;

import java.util.List;
import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.core.shared.Texts;

/**
 * The legal basis a disclosure relies on: citations (such as {@code 42 U.S.C. 1396a(a)(7)}) and the agreement or
 * request document it was made under. At least one of the two is required.
 */
public record LegalAuthority(List<String> citations, String documentReference) {

    public LegalAuthority {
        citations = citations == null
                ? List.of()
                : citations.stream()
                        .map(c -> Texts.required("legalAuthority.citations[]", c, 300))
                        .toList();
        if (citations.size() > 20) {
            throw new InvalidValue("legalAuthority.citations", "legalAuthority.citations has more than 20 entries");
        }
        documentReference = Texts.optional("legalAuthority.documentReference", documentReference, 500);
        if (citations.isEmpty() && documentReference == null) {
            throw new InvalidValue(
                    "legalAuthority", "legalAuthority needs at least one citation or a documentReference");
        }
    }
}
