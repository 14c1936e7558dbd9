package org.disclosureledger.core.rulebook;

import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.disclosureledger.core.disclosure.DataCategory;

/** Plain words for the findings' explanations. */
final class Words {

    private Words() {}

    /** Categories as readers say them: "name, date of birth and SSN" order kept as given. */
    static String categories(Collection<DataCategory> categories) {
        var words = categories.stream()
                .map(c -> c == DataCategory.SSN
                        ? "SSN"
                        : c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .collect(Collectors.toList());
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
