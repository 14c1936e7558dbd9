/**
 * The enrollee's page: a server-rendered HTML form at {@code /} where an enrollee gives their state and Medicaid id
 * (in a form POST body, never in the URL) and reads, in plain words and newest first, who received their data, with
 * corrections, disputes, destruction and withheld entries, each entry's ledger index, and buttons to download the
 * printable Accounting of Disclosures (PDF) and the FHIR export. It works without JavaScript and escapes every value
 * through the documents' XHTML writer. The forms carry no CSRF token yet: the security issue adds CSRF protection
 * for the whole application.
 */
package org.disclosureledger.api.page;
