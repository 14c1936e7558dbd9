package org.disclosureledger.api.disclosure;

import java.util.List;

/**
 * The JSON body that records a disclosure (with {@code subjects}) or opens a bulk disclosure (without). Times are
 * ISO-8601 instants such as {@code 2025-06-10T15:00:00Z}; enumerations are given by their upper-case names.
 */
public record DisclosureBody(
        String disclosureId,
        String occurredAt,
        Custodian custodian,
        String disclosingSystem,
        String releasingOfficial,
        Recipient recipient,
        String requester,
        Purpose purpose,
        LegalAuthority legalAuthority,
        List<String> dataCategories,
        String mode,
        AccessWindow accessWindow,
        Long recordCount,
        List<SubjectIdentifier> subjects,
        Suspension suspension) {

    /** The agency that released the data. */
    public record Custodian(String state, String agencyName) {}

    /** The agency that received it. */
    public record Recipient(String agencyId, String name, String component, String address) {}

    /** An NHIN PurposeOfUse code and the custodian's words. */
    public record Purpose(String code, String text) {}

    /** Citations and/or the agreement or request document. */
    public record LegalAuthority(List<String> citations, String documentReference) {}

    /** When the recipient could reach the data and whether it could download it. */
    public record AccessWindow(String opensAt, String closesAt, Boolean downloadAllowed) {}

    /** A lawful hold on telling the subjects, until a date (YYYY-MM-DD). */
    public record Suspension(String until, String authority) {}
}
