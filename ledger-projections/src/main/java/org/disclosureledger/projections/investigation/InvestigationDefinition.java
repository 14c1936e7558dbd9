package org.disclosureledger.projections.investigation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;

/**
 * What a regulator asks: which disclosures (those that occurred in {@code [occurredFrom, occurredTo)}, to any of the
 * recipients, from any of the custodian states, of any of the categories, for any of the purposes; an empty list
 * means "any"), judged under which rulebook version ({@code null}: the version in force when each disclosure
 * occurred), as of which point of the ledger (exactly one of a signed checkpoint's tree size, or an instant meaning
 * the latest checkpoint signed at or before it).
 *
 * <p>Lists are kept sorted and without repeats, so two definitions that ask the same thing are equal and hash alike.
 */
public record InvestigationDefinition(
        Instant occurredFrom,
        Instant occurredTo,
        List<AgencyId> recipients,
        List<StateCode> custodianStates,
        List<DataCategory> dataCategories,
        List<PurposeOfUse> purposes,
        String rulebookVersion,
        Long asOfTreeSize,
        Instant asOfInstant) {

    public InvestigationDefinition {
        if (occurredFrom == null) {
            throw new InvalidDefinition(
                    "occurredFrom", "occurredFrom is required (the start of the period, inclusive)");
        }
        if (occurredTo == null) {
            throw new InvalidDefinition("occurredTo", "occurredTo is required (the end of the period, exclusive)");
        }
        if (!occurredFrom.isBefore(occurredTo)) {
            throw new InvalidDefinition("occurredTo", "occurredTo must be after occurredFrom");
        }
        recipients = sorted("recipients", recipients, java.util.Comparator.comparing(AgencyId::value));
        custodianStates = sorted("custodianStates", custodianStates, java.util.Comparator.comparing(StateCode::code));
        dataCategories = sorted("dataCategories", dataCategories, java.util.Comparator.naturalOrder());
        purposes = sorted("purposes", purposes, java.util.Comparator.naturalOrder());
        if (rulebookVersion != null && rulebookVersion.isBlank()) {
            throw new InvalidDefinition(
                    "rulebookVersion",
                    "rulebookVersion is blank: name a version, or leave it out to use the one in force");
        }
        if ((asOfTreeSize == null) == (asOfInstant == null)) {
            throw new InvalidDefinition(
                    "asOf", "give exactly one of asOf.treeSize (a signed checkpoint's size) and asOf.instant");
        }
        if (asOfTreeSize != null && asOfTreeSize < 1) {
            throw new InvalidDefinition("asOf.treeSize", "asOf.treeSize must be at least 1");
        }
    }

    /** Whether a disclosure with these details (as of the investigation's point) is in scope. */
    public boolean covers(DisclosureDetails details) {
        return !details.occurredAt().isBefore(occurredFrom)
                && details.occurredAt().isBefore(occurredTo)
                && coversState(details.custodian().state())
                && (recipients.isEmpty()
                        || recipients.contains(details.recipient().agencyId()))
                && (purposes.isEmpty() || purposes.contains(details.purpose().code()))
                && (dataCategories.isEmpty()
                        || details.dataCategories().stream().anyMatch(dataCategories::contains));
    }

    /**
     * Whether a disclosure from this custodian state can be in scope. The custodian cannot be corrected, so a
     * disclosure from another state is dropped at its first event.
     */
    public boolean coversState(StateCode state) {
        return custodianStates.isEmpty() || custodianStates.contains(state);
    }

    private static <T> List<T> sorted(String field, Collection<T> values, java.util.Comparator<T> order) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(Objects::isNull)) {
            throw new InvalidDefinition(field, field + " must not contain null");
        }
        return values.stream().distinct().sorted(order).toList();
    }
}
