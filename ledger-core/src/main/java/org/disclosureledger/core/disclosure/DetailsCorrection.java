package org.disclosureledger.core.disclosure;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * The new values a correction supplies. A field that is present is a field the correction supersedes; absent
 * (null) fields keep their value, unless they are {@code cleared}: an optional field (the requester, the access
 * window) recorded by mistake is superseded by no value. A correction names at least one field.
 */
public record DetailsCorrection(
        Instant occurredAt,
        String disclosingSystem,
        String releasingOfficial,
        Recipient recipient,
        String requester,
        Purpose purpose,
        LegalAuthority legalAuthority,
        List<DataCategory> dataCategories,
        DisclosureMode mode,
        AccessWindow accessWindow,
        Long recordCount,
        Set<CorrectableField> cleared) {

    /** The fields a correction may clear: those a disclosure may be recorded without. */
    public static final Set<CorrectableField> CLEARABLE =
            Collections.unmodifiableSet(EnumSet.of(CorrectableField.REQUESTER, CorrectableField.ACCESS_WINDOW));

    public DetailsCorrection {
        if (dataCategories != null && dataCategories.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValue("dataCategories", "dataCategories must not contain null");
        }
        dataCategories = dataCategories == null ? null : List.copyOf(dataCategories);
        cleared = cleared == null || cleared.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(CorrectableField.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(cleared));
        for (CorrectableField field : cleared) {
            if (!CLEARABLE.contains(field)) {
                throw new InvalidValue("cleared", field + " cannot be cleared: a disclosure always has one");
            }
        }
        if ((cleared.contains(CorrectableField.REQUESTER) && requester != null)
                || (cleared.contains(CorrectableField.ACCESS_WINDOW) && accessWindow != null)) {
            throw new InvalidValue("cleared", "a field cannot be both given a new value and cleared");
        }
        // The fields are not assigned until this constructor ends, so the check reads the parameters.
        if (Stream.of(
                                occurredAt,
                                disclosingSystem,
                                releasingOfficial,
                                recipient,
                                requester,
                                purpose,
                                legalAuthority,
                                dataCategories,
                                mode,
                                accessWindow,
                                recordCount)
                        .allMatch(Objects::isNull)
                && cleared.isEmpty()) {
            throw new IllegalArgumentException("a correction must name at least one field to supersede");
        }
    }

    /** The fields this correction supersedes, with a new value or cleared. */
    public Set<CorrectableField> fields() {
        EnumSet<CorrectableField> fields = EnumSet.noneOf(CorrectableField.class);
        fields.addAll(newValues(this).keySet());
        fields.addAll(cleared);
        return fields;
    }

    /**
     * The fields whose new value equals the current one; a correction that changes nothing in a field it names is
     * refused.
     */
    public Set<CorrectableField> unchangedIn(DisclosureDetails current) {
        DisclosureDetails corrected = applyTo(current);
        Map<CorrectableField, Object> before = valuesOf(current);
        Map<CorrectableField, Object> after = valuesOf(corrected);
        EnumMap<CorrectableField, Object> unchanged = new EnumMap<>(CorrectableField.class);
        for (CorrectableField field : fields()) {
            if (Objects.equals(before.get(field), after.get(field))) {
                unchanged.put(field, after.get(field));
            }
        }
        return unchanged.keySet();
    }

    /** The details with this correction's fields replaced; validation of the result is the details' own. */
    public DisclosureDetails applyTo(DisclosureDetails d) {
        return new DisclosureDetails(
                occurredAt != null ? occurredAt : d.occurredAt(),
                d.custodian(),
                disclosingSystem != null ? disclosingSystem : d.disclosingSystem(),
                releasingOfficial != null ? releasingOfficial : d.releasingOfficial(),
                recipient != null ? recipient : d.recipient(),
                cleared.contains(CorrectableField.REQUESTER) ? null : requester != null ? requester : d.requester(),
                purpose != null ? purpose : d.purpose(),
                legalAuthority != null ? legalAuthority : d.legalAuthority(),
                dataCategories != null ? dataCategories : d.dataCategories(),
                mode != null ? mode : d.mode(),
                cleared.contains(CorrectableField.ACCESS_WINDOW)
                        ? null
                        : accessWindow != null ? accessWindow : d.accessWindow(),
                recordCount != null ? recordCount : d.recordCount());
    }

    private static Map<CorrectableField, Object> newValues(DetailsCorrection c) {
        EnumMap<CorrectableField, Object> values = new EnumMap<>(CorrectableField.class);
        putIfPresent(values, CorrectableField.OCCURRED_AT, c.occurredAt);
        putIfPresent(values, CorrectableField.DISCLOSING_SYSTEM, c.disclosingSystem);
        putIfPresent(values, CorrectableField.RELEASING_OFFICIAL, c.releasingOfficial);
        putIfPresent(values, CorrectableField.RECIPIENT, c.recipient);
        putIfPresent(values, CorrectableField.REQUESTER, c.requester);
        putIfPresent(values, CorrectableField.PURPOSE, c.purpose);
        putIfPresent(values, CorrectableField.LEGAL_AUTHORITY, c.legalAuthority);
        putIfPresent(values, CorrectableField.DATA_CATEGORIES, c.dataCategories);
        putIfPresent(values, CorrectableField.MODE, c.mode);
        putIfPresent(values, CorrectableField.ACCESS_WINDOW, c.accessWindow);
        putIfPresent(values, CorrectableField.RECORD_COUNT, c.recordCount);
        return values;
    }

    private static Map<CorrectableField, Object> valuesOf(DisclosureDetails d) {
        EnumMap<CorrectableField, Object> values = new EnumMap<>(CorrectableField.class);
        putIfPresent(values, CorrectableField.OCCURRED_AT, d.occurredAt());
        putIfPresent(values, CorrectableField.DISCLOSING_SYSTEM, d.disclosingSystem());
        putIfPresent(values, CorrectableField.RELEASING_OFFICIAL, d.releasingOfficial());
        putIfPresent(values, CorrectableField.RECIPIENT, d.recipient());
        putIfPresent(values, CorrectableField.REQUESTER, d.requester());
        putIfPresent(values, CorrectableField.PURPOSE, d.purpose());
        putIfPresent(values, CorrectableField.LEGAL_AUTHORITY, d.legalAuthority());
        putIfPresent(values, CorrectableField.DATA_CATEGORIES, d.dataCategories());
        putIfPresent(values, CorrectableField.MODE, d.mode());
        putIfPresent(values, CorrectableField.ACCESS_WINDOW, d.accessWindow());
        putIfPresent(values, CorrectableField.RECORD_COUNT, d.recordCount());
        return values;
    }

    private static void putIfPresent(Map<CorrectableField, Object> values, CorrectableField field, Object value) {
        if (value != null) {
            values.put(field, value);
        }
    }
}
