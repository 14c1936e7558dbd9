package org.disclosureledger.core.disclosure;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.core.shared.Texts;

/**
 * Everything a disclosure says about itself apart from its subjects: who released what to whom, when, why, under
 * which authority and how. These are the facts an enrollee's accounting of disclosures shows (45 CFR 164.528(b)).
 *
 * @param occurredAt        when the data was released (the caller's time)
 * @param custodian         the state and agency that released it
 * @param disclosingSystem  the system that recorded the disclosure
 * @param releasingOfficial the official who authorised the release
 * @param recipient         the receiving agency, component and address
 * @param requester         who asked for the data, when someone did (optional)
 * @param purpose           why
 * @param legalAuthority    under which law, agreement or request
 * @param dataCategories    what kinds of data, sorted, without repeats
 * @param mode              how the data was handed over
 * @param accessWindow      when the recipient could reach it (optional; absent for a file or paper)
 * @param recordCount       how many records were released
 */
public record DisclosureDetails(
        Instant occurredAt,
        Custodian custodian,
        String disclosingSystem,
        String releasingOfficial,
        Recipient recipient,
        String requester,
        Purpose purpose,
        LegalAuthority legalAuthority,
        List<DataCategory> dataCategories,
        DisclosureMode mode,
        AccessWindow accessWindow,
        long recordCount) {

    public DisclosureDetails {
        if (occurredAt == null) {
            throw new InvalidValue("occurredAt", "occurredAt is required");
        }
        if (custodian == null) {
            throw new InvalidValue("custodian", "custodian is required");
        }
        disclosingSystem = Texts.required("disclosingSystem", disclosingSystem, 200);
        releasingOfficial = Texts.required("releasingOfficial", releasingOfficial, 200);
        if (recipient == null) {
            throw new InvalidValue("recipient", "recipient is required");
        }
        requester = Texts.optional("requester", requester, 500);
        if (purpose == null) {
            throw new InvalidValue("purpose", "purpose is required");
        }
        if (legalAuthority == null) {
            throw new InvalidValue("legalAuthority", "legalAuthority is required");
        }
        if (dataCategories == null || dataCategories.isEmpty()) {
            throw new InvalidValue("dataCategories", "dataCategories needs at least one category");
        }
        if (dataCategories.stream().anyMatch(Objects::isNull)) {
            throw new InvalidValue("dataCategories", "dataCategories must not contain null");
        }
        if (dataCategories.stream().distinct().count() != dataCategories.size()) {
            throw new InvalidValue("dataCategories", "dataCategories names a category twice");
        }
        dataCategories = dataCategories.stream().sorted().toList();
        if (mode == null) {
            throw new InvalidValue("mode", "mode is required");
        }
        if (recordCount < 1) {
            throw new InvalidValue("recordCount", "recordCount must be at least 1");
        }
    }
}
