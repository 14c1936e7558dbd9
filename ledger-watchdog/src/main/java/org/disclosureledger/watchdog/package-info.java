/**
 * The watchdog client a state auditor runs: the {@code ledger-watchdog} command line and its subcommands ({@code
 * follow}, {@code summary}, {@code alerts}). Depends on {@code ledger-core} only among the ledger's modules.
 */
package org.disclosureledger.watchdog;
