/**
 * The watchdog stream: every stored disclosure event published to Kafka as a CloudEvent, with its ledger index and
 * leaf hash, in ledger order, by a relay whose position advances only once the broker acknowledged; every signed
 * checkpoint published to the checkpoint topic; the topics themselves; and the publisher's metrics. The contract
 * consumers code against is {@code docs/stream.md}.
 */
package org.disclosureledger.projections.stream;
