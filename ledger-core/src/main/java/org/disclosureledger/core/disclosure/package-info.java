/**
 * A disclosure and its life cycle: recording one (or opening a bulk disclosure, attaching its subjects in chunks and
 * sealing it), then the follow-ons that never edit it but add to it: correction, dispute, destruction requested,
 * destruction certified, suspension lifted. The {@link org.disclosureledger.core.disclosure.Disclosure} aggregate
 * decides; the events are the ledger's public contract, listed in {@code docs/events.md}.
 */
package org.disclosureledger.core.disclosure;
