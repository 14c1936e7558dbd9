package org.disclosureledger.core.checkpoint;

/**
 * Whose signature a line of a signed note claims to be: the key name and the 32-bit key id. Reported in a {@link
 * SignatureFailure} to show which keys did sign a note.
 *
 * @param keyName the name on the signature line
 * @param keyId the first four bytes of the signature, big-endian
 */
public record NoteSignature(String keyName, int keyId) {

    /** The key as note tooling writes it: name, plus sign, 8 lower-case hex digits. */
    @Override
    public String toString() {
        return String.format("%s+%08x", keyName, keyId);
    }
}
