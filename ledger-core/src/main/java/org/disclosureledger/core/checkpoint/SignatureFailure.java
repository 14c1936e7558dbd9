package org.disclosureledger.core.checkpoint;

import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.merkle.IntegrityFailure;

/**
 * A signed note that the pinned key did not sign: either no signature line is by that key, or the one that is does
 * not verify over the note text (the text or the signature was changed). Names the pinned key and every signature
 * the note carries.
 */
public final class SignatureFailure extends IntegrityFailure {

    /** Why the note is not signed by the pinned key. */
    public enum Reason {
        /** No signature line carries the pinned key's name and key id. */
        NOT_SIGNED_BY_KEY,
        /** A signature line by the pinned key does not verify over the note text. */
        INVALID_SIGNATURE
    }

    private final Reason reason;
    private final NoteSignature key;
    private final List<NoteSignature> signatures;

    /**
     * @param key the pinned key
     * @param signatures every signature line the note carries, in order
     */
    public SignatureFailure(Reason reason, NoteSignature key, List<NoteSignature> signatures) {
        super(message(reason, key, signatures));
        this.reason = Objects.requireNonNull(reason, "reason");
        this.key = Objects.requireNonNull(key, "key");
        this.signatures = List.copyOf(signatures);
    }

    private static String message(Reason reason, NoteSignature key, List<NoteSignature> signatures) {
        return switch (reason) {
            case NOT_SIGNED_BY_KEY -> "the note is not signed by key " + key + "; it is signed by " + signatures;
            case INVALID_SIGNATURE ->
                "the signature by key " + key + " does not verify: the note text or the signature was changed";
        };
    }

    public Reason reason() {
        return reason;
    }

    /** The pinned key the note should be signed by. */
    public NoteSignature key() {
        return key;
    }

    /** Every signature line the note carries, in order. */
    public List<NoteSignature> signatures() {
        return signatures;
    }
}
