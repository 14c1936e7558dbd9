/** Operations for the ledger's operator: verifying the whole ledger against itself. */
package org.disclosureledger.api.admin;
