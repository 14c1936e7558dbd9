/**
 * The watchdog's local store: an embedded H2 database in a directory of the auditor's choosing, holding every event
 * received (deduplicated by id), the checkpoints held, each event's verification status, the alarms raised, findings
 * from the alerts topic and unreadable messages kept aside. One transaction per batch of messages; Kafka offsets are
 * committed only after it.
 */
package org.disclosureledger.watchdog.store;
