/**
 * Evidence bundles: {@code ledger-watchdog verify-bundle} checks an investigation's bundle offline with nothing but
 * the ledger's public key (the checkpoint's signature, every entry's inclusion proof, the report's digest, that the
 * report's disclosures are what the entries show, the rulebooks' digests); {@code ledger-watchdog investigate} starts
 * an investigation on a ledger, shows its progress, and downloads and verifies its bundle. See
 * {@code docs/investigations.md}.
 */
package org.disclosureledger.watchdog.bundle;
