/**
 * The pseudonymisation key and the {@link org.disclosureledger.core.subject.Pseudonymiser} built from it. The key is
 * read from configuration in production, generated once and stored with the data in the embedded default, and never
 * logged.
 */
package org.disclosureledger.api.pseudonym;
