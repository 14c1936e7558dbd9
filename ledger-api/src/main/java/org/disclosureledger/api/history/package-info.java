/**
 * A person's accounting of disclosures as JSON, newest first, each entry naming the ledger index that proves it is in
 * the ledger: the enrollee's own at {@code /api/v1/me/history} (the person their token is bound to), an official's
 * look-up by state and Medicaid id in a POST body (never a URL) with a stated purpose; and the enrollee's list of who
 * read their records. Every read is put on the ledger before it is answered.
 */
package org.disclosureledger.api.history;
