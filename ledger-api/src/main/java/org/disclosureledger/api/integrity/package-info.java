/**
 * The verifiable ledger over HTTP: the signed checkpoints, the public key to pin, ledger entries by index, and
 * inclusion and consistency proofs, everything a watchdog needs to check from outside that the ledger only grew.
 * Also the checkpoint signing key: from configuration in production, generated and kept with the data in the
 * embedded default.
 */
package org.disclosureledger.api.integrity;
