/**
 * The enrollee's documents: the printable Accounting of Disclosures (HTML, and PDF rendered from it by
 * openhtmltopdf) and the FHIR R4 export (a Bundle of AuditEvents following the IHE Basic Audit Log Patterns "PHI
 * disclosure" pattern). The enrollee names themselves by state and Medicaid id in a POST body; the identifier is
 * pseudonymised at once, and the documents name the enrollee only by state, never by the identifier.
 */
package org.disclosureledger.api.documents;
