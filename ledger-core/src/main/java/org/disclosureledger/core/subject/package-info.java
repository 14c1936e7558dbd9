/**
 * Enrollees as the ledger knows them: only as a {@link org.disclosureledger.core.subject.PersonRef}, a keyed
 * pseudonym computed at the edge from the state and Medicaid id. Raw identifiers never go further than the
 * {@link org.disclosureledger.core.subject.Pseudonymiser}.
 */
package org.disclosureledger.core.subject;
