/**
 * Reading the watchdog stream (see {@code docs/stream.md}): the three topics, and the CloudEvents messages on them
 * turned into disclosure events, signed checkpoints and findings, or refused with the reason a message is unreadable.
 */
package org.disclosureledger.watchdog.stream;
