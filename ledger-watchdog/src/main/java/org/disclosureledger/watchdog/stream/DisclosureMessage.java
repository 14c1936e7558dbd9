package org.disclosureledger.watchdog.stream;

import java.util.List;
import java.util.OptionalLong;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.stream.StreamKind;

/**
 * One stored disclosure event as the stream announces it: which ledger entry it is ({@code ledgerIndex}, {@code
 * leafHash}), its place in its disclosure ({@code disclosureSeq}), the disclosure's filtering attributes as they stand
 * after the event, and the few counts and dates a readable line shows.
 *
 * @param subjectCount people in a recorded disclosure, a bulk chunk or a sealed bulk disclosure; empty otherwise
 * @param detail a short description of what the event says, such as {@code chunk 2} or {@code due 2026-01-01}
 */
public record DisclosureMessage(
        String id,
        StreamKind kind,
        String disclosureId,
        String time,
        long ledgerIndex,
        Sha256Hash leafHash,
        long disclosureSeq,
        String custodianState,
        String recipientAgency,
        String purpose,
        List<String> dataCategories,
        OptionalLong subjectCount,
        String detail)
        implements StreamMessage {

    public DisclosureMessage {
        dataCategories = List.copyOf(dataCategories);
    }
}
