/**
 * Checkpoints and signed notes: the ledger's signed commitment to its Merkle tree at a size, in the C2SP
 * tlog-checkpoint text format, signed as a C2SP signed note with Ed25519. The signer turns a checkpoint into the note
 * the ledger publishes; the verifier, holding only the ledger's pinned public key, turns a note back into a checkpoint
 * or fails saying what was wrong. Keys come in as seeds or key texts: nothing here generates keys or reads a clock.
 */
package org.disclosureledger.core.checkpoint;
