package org.disclosureledger.projections.investigation;

/**
 * How far a replay got.
 *
 * @param eventsRead     ledger entries replayed so far
 * @param eventsTotal    entries to replay (the checkpoint's tree size)
 * @param eventsPerSecond the average rate so far
 * @param secondsLeft    the estimated time left at that rate; null until there is a rate
 */
public record Progress(long eventsRead, long eventsTotal, double eventsPerSecond, Long secondsLeft) {}
