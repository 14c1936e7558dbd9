package org.disclosureledger.api.page;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The names of the states, DC and territories a {@code StateCode} accepts, in the order the page lists them. */
final class StateNames {

    /** Code to name, sorted by name so that a person finds their state where they expect it. */
    static final Map<String, String> BY_CODE = byCode();

    private StateNames() {}

    private static Map<String, String> byCode() {
        String[][] pairs = {
            {"AL", "Alabama"},
            {"AK", "Alaska"},
            {"AS", "American Samoa"},
            {"AZ", "Arizona"},
            {"AR", "Arkansas"},
            {"CA", "California"},
            {"CO", "Colorado"},
            {"CT", "Connecticut"},
            {"DE", "Delaware"},
            {"DC", "District of Columbia"},
            {"FL", "Florida"},
            {"GA", "Georgia"},
            {"GU", "Guam"},
            {"HI", "Hawaii"},
            {"ID", "Idaho"},
            {"IL", "Illinois"},
            {"IN", "Indiana"},
            {"IA", "Iowa"},
            {"KS", "Kansas"},
            {"KY", "Kentucky"},
            {"LA", "Louisiana"},
            {"ME", "Maine"},
            {"MD", "Maryland"},
            {"MA", "Massachusetts"},
            {"MI", "Michigan"},
            {"MN", "Minnesota"},
            {"MS", "Mississippi"},
            {"MO", "Missouri"},
            {"MT", "Montana"},
            {"NE", "Nebraska"},
            {"NV", "Nevada"},
            {"NH", "New Hampshire"},
            {"NJ", "New Jersey"},
            {"NM", "New Mexico"},
            {"NY", "New York"},
            {"NC", "North Carolina"},
            {"ND", "North Dakota"},
            {"MP", "Northern Mariana Islands"},
            {"OH", "Ohio"},
            {"OK", "Oklahoma"},
            {"OR", "Oregon"},
            {"PA", "Pennsylvania"},
            {"PR", "Puerto Rico"},
            {"RI", "Rhode Island"},
            {"SC", "South Carolina"},
            {"SD", "South Dakota"},
            {"TN", "Tennessee"},
            {"TX", "Texas"},
            {"VI", "U.S. Virgin Islands"},
            {"UT", "Utah"},
            {"VT", "Vermont"},
            {"VA", "Virginia"},
            {"WA", "Washington"},
            {"WV", "West Virginia"},
            {"WI", "Wisconsin"},
            {"WY", "Wyoming"}
        };
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] pair : pairs) {
            names.put(pair[0], pair[1]);
        }
        return Collections.unmodifiableMap(names);
    }
}
