package org.disclosureledger.watchdog.store;

/**
 * An event whose predecessors in its disclosure are missing: sequence numbers {@code missingFrom} to {@code seq - 1}.
 * {@code source} is where the event arrived ({@code topic/partition@offset}).
 */
public record SequenceGap(
        String id, String disclosureId, long seq, long ledgerIndex, long missingFrom, String source) {}
