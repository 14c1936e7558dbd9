/**
 * RFC 9162 Merkle tree math: leaf and node hashes, the compact frontier that lets a bulk disclosure's manifest root be
 * computed chunk by chunk, tree roots, inclusion and consistency proofs over stored perfect subtrees, and their
 * verification, whose failures carry the evidence (index, sizes, expected and computed roots).
 */
package org.disclosureledger.core.merkle;
