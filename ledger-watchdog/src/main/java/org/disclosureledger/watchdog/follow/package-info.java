/**
 * The {@code follow} command: subscribes to the stream with the watchdog's own consumer group, keeps what arrives in
 * the store, prints a readable line per disclosure event that matches the auditor's filters and an {@code ALERT} line
 * per failed check.
 */
package org.disclosureledger.watchdog.follow;
