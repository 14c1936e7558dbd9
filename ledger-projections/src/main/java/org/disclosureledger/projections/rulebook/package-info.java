/**
 * The rulebook the application judges with: loaded once at start from {@code ledger.rulebook.location} (the sample
 * when empty), so a bad file stops the start with its one-line reason.
 */
package org.disclosureledger.projections.rulebook;
