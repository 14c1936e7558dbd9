/**
 * Reads of a person's records as ledger events: every time anyone (the enrollee, an auditor, an admin) reads a
 * person's history, accounting, FHIR export or membership proof, a {@link org.disclosureledger.core.access.HistoryAccess}
 * records who read, in which role, what, when and the purpose they stated. Looking is itself a disclosure the person
 * can see.
 */
package org.disclosureledger.core.access;
