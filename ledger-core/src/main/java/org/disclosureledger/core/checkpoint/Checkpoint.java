package org.disclosureledger.core.checkpoint;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.shared.InvalidValue;

/**
 * The ledger's commitment to its Merkle tree at one size: which log ({@code origin}), how many entries ({@code
 * treeSize}) and the {@code rootHash} over them. Signed, it is what a watchdog keeps and checks every later
 * checkpoint and proof against. Written in the C2SP tlog-checkpoint text format.
 *
 * @param origin the log's identity, conventionally a schema-less URL; the first line
 * @param treeSize the number of entries; the second line
 * @param rootHash the RFC 9162 root of the tree of {@code treeSize} entries; the third line, in base64
 * @param extensionLines opaque further lines, each non-empty; the ledger writes none
 */
public record Checkpoint(String origin, long treeSize, Sha256Hash rootHash, List<String> extensionLines) {

    private static final Pattern TREE_SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        if (origin == null || origin.isEmpty()) {
            throw new InvalidValue("origin", "origin is required");
        }
        if (NoteText.unprintable(origin) != null || origin.indexOf('\n') >= 0) {
            throw new InvalidValue("origin", "origin must be one line without control characters");
        }
        if (treeSize < 0) {
            throw new InvalidValue("treeSize", "treeSize must not be negative");
        }
        Objects.requireNonNull(rootHash, "rootHash");
        extensionLines = List.copyOf(extensionLines);
        for (String line : extensionLines) {
            if (line.isEmpty() || line.indexOf('\n') >= 0 || NoteText.unprintable(line) != null) {
                throw new InvalidValue(
                        "extensionLines", "extension lines must be non-empty single lines without control characters");
            }
        }
    }

    /** A checkpoint without extension lines, as the ledger signs them. */
    public Checkpoint(String origin, long treeSize, Sha256Hash rootHash) {
        this(origin, treeSize, rootHash, List.of());
    }

    /**
     * Reads the note text of a checkpoint: origin, tree size and root hash lines, then any extension lines, each
     * ending in a newline. Strict: a tree size with a sign or leading zeros, a root hash in any but the canonical base64
     * of 32 bytes, a carriage return or an empty line is refused.
     *
     * @throws NoteFailure naming the rule broken and the line that breaks it
     */
    public static Checkpoint parse(String text) {
        Objects.requireNonNull(text, "text");
        NoteText.Problem unprintable = NoteText.unprintable(text);
        if (unprintable != null) {
            throw unprintable.failure();
        }
        if (!text.endsWith("\n")) {
            int last = NoteText.lineCount(text) + 1;
            throw new NoteFailure(
                    NoteFailure.Reason.MISSING_FINAL_NEWLINE,
                    last,
                    text.substring(text.lastIndexOf('\n') + 1),
                    "a checkpoint's every line ends with a newline; line " + last + " does not");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw new NoteFailure(
                    NoteFailure.Reason.MISSING_LINES,
                    0,
                    "",
                    "a checkpoint has at least three lines (origin, tree size, root hash), not " + lines.length);
        }
        if (lines[0].isEmpty()) {
            throw new NoteFailure(NoteFailure.Reason.EMPTY_ORIGIN, 1, "", "the origin (line 1) is empty");
        }
        long treeSize;
        try {
            if (!TREE_SIZE.matcher(lines[1]).matches()) {
                throw new NumberFormatException();
            }
            treeSize = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new NoteFailure(
                    NoteFailure.Reason.MALFORMED_TREE_SIZE,
                    2,
                    lines[1],
                    "the tree size (line 2) is not a decimal number without sign or leading zeros: '" + lines[1] + "'");
        }
        Sha256Hash rootHash;
        try {
            rootHash = Sha256Hash.fromBase64(lines[2]);
        } catch (InvalidValue e) {
            throw new NoteFailure(
                    NoteFailure.Reason.MALFORMED_ROOT_HASH,
                    3,
                    lines[2],
                    "the root hash (line 3) is not 32 bytes in canonical standard base64: '" + lines[2] + "'");
        }
        for (int i = 3; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                throw new NoteFailure(
                        NoteFailure.Reason.EMPTY_EXTENSION_LINE, i + 1, "", "extension line " + (i + 1) + " is empty");
            }
        }
        return new Checkpoint(lines[0], treeSize, rootHash, List.of(lines).subList(3, lines.length));
    }

    /** The note text: origin, tree size, base64 root hash and extension lines, each followed by a newline. */
    public String format() {
        StringBuilder text = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(treeSize)
                .append('\n')
                .append(rootHash.base64())
                .append('\n');
        extensionLines.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }
}
