package org.disclosureledger.core.disclosure;

/**
 * Why the {@link Disclosure} aggregate refused a command. {@link Kind#INVALID} means the command contradicts itself
 * or the facts on record; {@link Kind#CONFLICT} means it does not fit the disclosure's current state or an earlier
 * use of the same id.
 */
public enum Rejection {
    ID_REUSED_WITH_DIFFERENT_CONTENT(Kind.CONFLICT),
    INVALID_FIELD(Kind.INVALID),
    OCCURRED_IN_FUTURE(Kind.INVALID),
    OCCURRED_BEFORE_MEDICAID(Kind.INVALID),
    NO_SUBJECTS(Kind.INVALID),
    DUPLICATE_SUBJECTS(Kind.INVALID),
    TOO_MANY_SUBJECTS(Kind.INVALID),
    SUSPENSION_NOT_AFTER_DISCLOSURE(Kind.INVALID),
    NOT_A_BULK_DISCLOSURE(Kind.CONFLICT),
    ALREADY_SEALED(Kind.CONFLICT),
    NOT_SEALED(Kind.CONFLICT),
    CHUNK_OUT_OF_ORDER(Kind.CONFLICT),
    CHUNK_RETRY_DIFFERS(Kind.CONFLICT),
    CHUNK_REPEATS_LAST(Kind.CONFLICT),
    SUBJECT_COUNT_MISMATCH(Kind.CONFLICT),
    CORRECTION_CHANGES_NOTHING(Kind.INVALID),
    FOLLOW_ON_ID_REUSED(Kind.CONFLICT),
    NOT_A_SUBJECT(Kind.INVALID),
    DISCLOSURE_WITHHELD(Kind.CONFLICT),
    UNKNOWN_DESTRUCTION_REQUEST(Kind.INVALID),
    DESTRUCTION_ALREADY_CERTIFIED(Kind.CONFLICT),
    DESTROYED_AT_OUT_OF_RANGE(Kind.INVALID),
    NO_SUSPENSION(Kind.CONFLICT),
    SUSPENSION_ALREADY_ENDED(Kind.CONFLICT);

    /** The two families of refusal. */
    public enum Kind {
        INVALID,
        CONFLICT
    }

    private final Kind kind;

    Rejection(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
