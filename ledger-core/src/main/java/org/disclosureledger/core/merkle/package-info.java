/**
 * RFC 9162 Merkle tree hashing: leaf and node hashes, and the compact frontier that lets a bulk disclosure's
 * manifest root be computed chunk by chunk without keeping the manifest.
 */
package org.disclosureledger.core.merkle;
