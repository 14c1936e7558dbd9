package org.disclosureledger.core.disclosure;

import java.time.Instant;

/**
 * A bulk disclosure was opened: its details are on record, its subjects follow in {@link BulkSubjectsAttached}
 * chunks until {@link BulkDisclosureSealed}.
 *
 * @param suspension the hold on telling the subjects, or null
 */
public record BulkDisclosureOpened(
        DisclosureId disclosureId,
        Instant recordedAt,
        DisclosureDetails details,
        Suspension suspension,
        String requestDigest) {}
