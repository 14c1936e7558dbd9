package org.disclosureledger.core.checkpoint;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A signed note taken apart as C2SP signed-note (and Go's {@code golang.org/x/mod/sumdb/note}) read it: the text, up
 * to and including the newline before the last blank line, and the signature lines after it. Nothing is verified here.
 */
record SignedNote(String text, List<Line> signatures) {

    /** Verifiers must read at least 16; Go's reads up to 100, and so does this. */
    static final int MAX_SIGNATURES = 100;

    private static final String SIGNATURE_PREFIX = "\u2014 ";

    /** One signature line: key name, key id and the signature bytes after the key id. */
    record Line(String keyName, int keyId, byte[] signature) {

        NoteSignature claimedKey() {
            return new NoteSignature(keyName, keyId);
        }
    }

    static SignedNote parse(String note) {
        NoteText.Problem unprintable = NoteText.unprintable(note);
        if (unprintable != null) {
            throw unprintable.failure();
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteFailure(
                    NoteFailure.Reason.NO_SIGNATURES, 0, "", "the note has no blank line followed by signature lines");
        }
        String text = note.substring(0, split + 1);
        String block = note.substring(split + 2);
        int firstSignatureLine = NoteText.lineCount(text) + 2;
        if (block.isEmpty()) {
            throw new NoteFailure(
                    NoteFailure.Reason.NO_SIGNATURES,
                    0,
                    "",
                    "the note has a blank line but no signature lines after it");
        }
        if (!block.endsWith("\n")) {
            int last = firstSignatureLine + NoteText.lineCount(block);
            throw new NoteFailure(
                    NoteFailure.Reason.MISSING_FINAL_NEWLINE,
                    last,
                    block.substring(block.lastIndexOf('\n') + 1),
                    "the note's last signature line (line " + last + ") does not end with a newline");
        }
        String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
        if (lines.length > MAX_SIGNATURES) {
            throw new NoteFailure(
                    NoteFailure.Reason.TOO_MANY_SIGNATURES,
                    0,
                    "",
                    "the note has " + lines.length + " signature lines; at most " + MAX_SIGNATURES + " are read");
        }
        List<Line> signatures = new ArrayList<>(lines.length);
        for (int i = 0; i < lines.length; i++) {
            signatures.add(signatureLine(lines[i], firstSignatureLine + i));
        }
        return new SignedNote(text, List.copyOf(signatures));
    }

    private static Line signatureLine(String line, int number) {
        NoteFailure malformed = new NoteFailure(
                NoteFailure.Reason.MALFORMED_SIGNATURE,
                number,
                line,
                "line " + number + " is not a signature line (\u2014 <key name> <base64 of key id and signature>): '"
                        + line + "'");
        if (!line.startsWith(SIGNATURE_PREFIX)) {
            throw malformed;
        }
        String rest = line.substring(SIGNATURE_PREFIX.length());
        int space = rest.indexOf(' ');
        if (space < 0) {
            throw malformed;
        }
        String keyName = rest.substring(0, space);
        String signature64 = rest.substring(space + 1);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(signature64);
        } catch (IllegalArgumentException e) {
            throw malformed;
        }
        if (!NoteText.isValidKeyName(keyName)
                || signature.length < 5
                || !Base64.getEncoder().encodeToString(signature).equals(signature64)) {
            throw malformed;
        }
        int keyId = ((signature[0] & 0xff) << 24)
                | ((signature[1] & 0xff) << 16)
                | ((signature[2] & 0xff) << 8)
                | (signature[3] & 0xff);
        byte[] bytes = new byte[signature.length - 4];
        System.arraycopy(signature, 4, bytes, 0, bytes.length);
        return new Line(keyName, keyId, bytes);
    }
}
