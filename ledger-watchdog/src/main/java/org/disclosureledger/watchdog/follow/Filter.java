package org.disclosureledger.watchdog.follow;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.watchdog.stream.DisclosureMessage;

/**
 * Which disclosure events the auditor wants to see: any of the states, any of the recipients, any of the purposes,
 * and any of the data categories; an empty set lets everything through. Checked on the stream's filtering attributes,
 * which describe the disclosure as it stands after each event. The follower follows a disclosure, its earlier and
 * later events included, from the first of its events that matches, so that a correction taking it out of the filter
 * is not hidden and one bringing it in brings its people.
 */
public record Filter(Set<String> states, Set<String> recipients, Set<String> purposes, Set<String> categories) {

    public Filter {
        states = sorted(states);
        recipients = sorted(recipients);
        purposes = sorted(purposes);
        categories = sorted(categories);
    }

    /** A filter from the command line's values, each checked against the ledger's vocabulary. */
    public static Filter of(
            Collection<String> states,
            Collection<String> recipients,
            Collection<String> purposes,
            Collection<String> categories) {
        for (String state : states) {
            new StateCode(state);
        }
        for (String recipient : recipients) {
            new AgencyId(recipient);
        }
        for (String purpose : purposes) {
            if (Arrays.stream(PurposeOfUse.values()).noneMatch(p -> p.name().equals(purpose))) {
                throw new IllegalArgumentException("'" + purpose + "' is not a purpose code; use one of "
                        + Arrays.toString(PurposeOfUse.values()));
            }
        }
        for (String category : categories) {
            if (Arrays.stream(DataCategory.values()).noneMatch(c -> c.name().equals(category))) {
                throw new IllegalArgumentException("'" + category + "' is not a data category; use one of "
                        + Arrays.toString(DataCategory.values()));
            }
        }
        return new Filter(Set.copyOf(states), Set.copyOf(recipients), Set.copyOf(purposes), Set.copyOf(categories));
    }

    public static Filter everything() {
        return new Filter(Set.of(), Set.of(), Set.of(), Set.of());
    }

    public boolean matches(DisclosureMessage m) {
        return (states.isEmpty() || states.contains(m.custodianState()))
                && (recipients.isEmpty() || recipients.contains(m.recipientAgency()))
                && (purposes.isEmpty() || purposes.contains(m.purpose()))
                && (categories.isEmpty() || m.dataCategories().stream().anyMatch(categories::contains));
    }

    /** Whether a finding about a disclosure in {@code state} (when known) is for this auditor. */
    public boolean matchesState(Optional<String> state) {
        return states.isEmpty() || state.map(states::contains).orElse(true);
    }

    /** The filter as the auditor gave it, such as {@code state=CA recipient=us-dhs-ice}, or {@code none}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "state", states);
        append(text, "recipient", recipients);
        append(text, "purpose", purposes);
        append(text, "category", categories);
        return text.isEmpty() ? "none" : text.toString();
    }

    private static void append(StringBuilder text, String name, Set<String> values) {
        if (!values.isEmpty()) {
            text.append(text.isEmpty() ? "" : " ").append(name).append('=').append(String.join(",", values));
        }
    }

    private static Set<String> sorted(Set<String> values) {
        return Collections.unmodifiableSet(new TreeSet<>(values));
    }
}
