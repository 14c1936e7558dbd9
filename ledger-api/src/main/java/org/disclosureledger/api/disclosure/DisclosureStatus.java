package org.disclosureledger.api.disclosure;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.Suspension;

/**
 * What the ledger holds about one disclosure, as its recorder sees it: the details as currently corrected, where a
 * bulk disclosure stands, and the list of events recorded for it. Subjects are counted, never listed.
 *
 * @param kind    {@code SINGLE} (recorded whole) or {@code BULK}
 * @param status  {@code RECORDED}, {@code OPEN} (bulk, still taking chunks) or {@code SEALED} (bulk)
 * @param history one entry per event, oldest first, with chunk events of a bulk disclosure left out (they are
 *                counted in {@code chunkCount})
 */
public record DisclosureStatus(
        String disclosureId,
        String kind,
        String status,
        Instant recordedAt,
        DisclosureDetails details,
        Suspension suspension,
        boolean suspensionLifted,
        long subjectCount,
        Integer chunkCount,
        String manifestRoot,
        List<Entry> history) {

    /** One event of the disclosure: its sequence number, stable type name, time, and follow-on id if it has one. */
    public record Entry(long sequence, String type, Instant at, String followOnId) {}
}
