/**
 * The enrollee's accounting of disclosures as JSON: the enrollee names themselves by state and Medicaid id in a POST
 * body (never in a URL, which would land in access logs), and gets their history, newest first, each entry naming
 * the ledger index that proves it is in the ledger. Until the security issue lands, anyone who knows a Medicaid id
 * can look it up: this is a development-stage endpoint.
 */
package org.disclosureledger.api.history;
