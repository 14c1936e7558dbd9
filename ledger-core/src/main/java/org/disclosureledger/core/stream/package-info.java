/**
 * The watchdog stream's contract, shared by the publisher and the watchdog client: the kinds of message, their
 * CloudEvents types, and the extension attributes they carry. See {@code docs/stream.md}.
 */
package org.disclosureledger.core.stream;
