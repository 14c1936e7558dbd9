package org.disclosureledger.watchdog.bundle;

/**
 * One reason a bundle is not valid, with the part of the bundle it concerns.
 *
 * @param kind   what is wrong
 * @param where  the bundle file or ledger entry concerned, such as {@code entries/12.leaf}
 * @param detail what was expected and what was found
 */
public record BundleProblem(Kind kind, String where, String detail) {

    /** What can be wrong with a bundle. */
    public enum Kind {
        /** The checkpoint does not verify with the pinned key. */
        CHECKPOINT_SIGNATURE_INVALID,
        /** The report does not name the checkpoint the bundle carries. */
        CHECKPOINT_MISMATCH,
        /** The report's bytes do not hash to the digest the bundle names. */
        REPORT_DIGEST_MISMATCH,
        /** An envelope is not a ledger leaf envelope. */
        ENVELOPE_UNREADABLE,
        /** An entry's leaf hash and proof do not lead to the checkpoint's root. */
        ENTRY_NOT_INCLUDED,
        /** The report names an entry the bundle has no envelope or proof for. */
        ENTRY_MISSING,
        /** The bundle has an envelope the report does not name. */
        ENTRY_NOT_IN_REPORT,
        /**
         * The report's disclosure is not what its envelopes show: its details, subject count or corrections, or its
         * entries (out of ledger order, repeated, or some left out between the first and the last listed).
         */
        DISCLOSURE_MISMATCH,
        /** A rulebook the report names is missing or does not hash to its digest. */
        RULEBOOK_MISMATCH,
        /** The bundle holds a file that is no part of an evidence bundle, such as an entry named with leading zeros. */
        UNEXPECTED_FILE
    }

    /** One line: kind, where, detail. */
    public String line() {
        return kind + " " + where + ": " + detail;
    }
}
