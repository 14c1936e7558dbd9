package org.disclosureledger.watchdog.store;

import java.util.Map;
import java.util.Optional;

/**
 * Totals over the events in the store that matched the follow filters, and the state of the checks.
 *
 * @param disclosuresByState distinct disclosures per custodian state, as their latest event received describes them
 * @param peopleAffected the sum of the subject counts of recorded and sealed bulk disclosures
 * @param followOns follow-on events (corrections, disputes, destruction, suspension lifts) by kind
 * @param unreadable messages kept aside: unreadable, or claiming a ledger index another event holds
 */
public record Summary(
        Optional<String> filters,
        Optional<HeldCheckpoint> checkpoint,
        long eventsReceived,
        long eventsMatching,
        long disclosures,
        Map<String, Long> disclosuresByState,
        Map<String, Long> disclosuresByRecipient,
        Map<String, Long> disclosuresByPurpose,
        long peopleAffected,
        Map<String, Long> followOns,
        long verified,
        long pending,
        long failed,
        long alarms,
        long findings,
        long unreadable) {}
