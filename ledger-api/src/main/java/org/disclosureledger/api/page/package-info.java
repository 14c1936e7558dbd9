/**
 * The enrollee's page: a server-rendered sign-in page (the enrollee's bearer token from the identity provider, or,
 * only while the development issuer runs, a development sign-in by state and Medicaid id), then, in a session, their
 * own disclosures in plain words and newest first, with corrections, disputes, destruction and withheld entries, each
 * entry's ledger index, buttons to download the printable Accounting of Disclosures (PDF) and the FHIR export, and
 * who looked at their history. It works without JavaScript (and runs none), escapes every value through the
 * documents' XHTML writer, and every form that posts carries a CSRF token.
 */
package org.disclosureledger.api.page;
