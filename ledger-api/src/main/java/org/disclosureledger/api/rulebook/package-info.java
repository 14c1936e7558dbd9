/**
 * The application's side of the rulebook: a start that fails on a bad {@code ledger.rulebook.location} says why in
 * one line. The rulebook itself is in {@code ledger-core} ({@code docs/rulebook.md}).
 */
package org.disclosureledger.api.rulebook;
