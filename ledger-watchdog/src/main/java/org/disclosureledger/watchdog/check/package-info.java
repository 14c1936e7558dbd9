/**
 * The watchdog's checks against the ledger: signed checkpoints with the pinned key and their consistency with the one
 * held, each event's inclusion under a verified checkpoint, and gaps in what should have arrived. A failed check is
 * an {@link org.disclosureledger.watchdog.check.Alarm} naming its evidence.
 */
package org.disclosureledger.watchdog.check;
