package org.disclosureledger.core.checkpoint;

import java.util.Objects;
import org.disclosureledger.core.merkle.IntegrityFailure;

/**
 * A signed note or checkpoint text that is not well formed, naming the rule it breaks and the line that breaks it. A
 * ledger that publishes such a note has a fault to look into, whatever its signatures say.
 */
public final class NoteFailure extends IntegrityFailure {

    /** The rule the text breaks. */
    public enum Reason {
        /** An ASCII control character other than newline (a carriage return, a tab). */
        CONTROL_CHARACTER,
        /** Text that has no UTF-8 encoding (an unpaired surrogate). */
        INVALID_UNICODE,
        /** The text or the signature block does not end with a newline. */
        MISSING_FINAL_NEWLINE,
        /** No blank line followed by signature lines. */
        NO_SIGNATURES,
        /** A line in the signature block is not "— name base64(key id || signature)". */
        MALFORMED_SIGNATURE,
        /** More signature lines than a verifier reads (100). */
        TOO_MANY_SIGNATURES,
        /** A checkpoint needs at least three lines: origin, tree size, root hash. */
        MISSING_LINES,
        /** The checkpoint's first line, its origin, is empty. */
        EMPTY_ORIGIN,
        /** The second line is not a tree size in decimal without leading zeros. */
        MALFORMED_TREE_SIZE,
        /** The third line is not a 32-byte root hash in canonical standard base64. */
        MALFORMED_ROOT_HASH,
        /** An extension line after the root hash is empty. */
        EMPTY_EXTENSION_LINE,
        /** The checkpoint is signed by the pinned key but names another log as its origin. */
        UNEXPECTED_ORIGIN
    }

    private final Reason reason;
    private final int line;
    private final String content;

    /**
     * @param line the 1-based number of the offending line, 0 when the failure is about the note as a whole
     * @param content the offending line as found, empty when there is none
     */
    public NoteFailure(Reason reason, int line, String content, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.line = line;
        this.content = Objects.requireNonNull(content, "content");
    }

    public Reason reason() {
        return reason;
    }

    /** The 1-based number of the offending line, 0 when the failure is about the note as a whole. */
    public int line() {
        return line;
    }

    /** The offending line as found, empty when there is none. */
    public String content() {
        return content;
    }
}
