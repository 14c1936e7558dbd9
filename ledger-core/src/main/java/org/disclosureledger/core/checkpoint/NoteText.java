package org.disclosureledger.core.checkpoint;

/** The character rules shared by signed notes, checkpoints and key names. */
final class NoteText {

    private NoteText() {}

    /** What makes a text unfit for a note, and where. */
    record Problem(NoteFailure.Reason reason, int line, String content, String message) {

        NoteFailure failure() {
            return new NoteFailure(reason, line, content, message);
        }
    }

    /**
     * The first character a signed note may not contain: an ASCII control character other than newline, or half of a
     * surrogate pair (which has no UTF-8 encoding); null when there is none.
     */
    static Problem unprintable(String text) {
        int line = 1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                line++;
            } else if (c < 0x20) {
                return new Problem(
                        NoteFailure.Reason.CONTROL_CHARACTER,
                        line,
                        lineAt(text, i),
                        String.format("line %d contains the control character U+%04X", line, c));
            } else if (Character.isSurrogate((char) c)) {
                return new Problem(
                        NoteFailure.Reason.INVALID_UNICODE,
                        line,
                        lineAt(text, i),
                        "line " + line + " contains half of a surrogate pair, which UTF-8 cannot encode");
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** Key names are non-empty and contain no Unicode space, no plus sign and no control character. */
    static boolean isValidKeyName(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        return name.codePoints()
                .noneMatch(c -> c == '+'
                        || Character.isWhitespace(c)
                        || Character.isSpaceChar(c)
                        || Character.isISOControl(c)
                        || Character.getType(c) == Character.SURROGATE);
    }

    /** The number of lines a text of complete lines has. */
    static int lineCount(String text) {
        return (int) text.chars().filter(c -> c == '\n').count();
    }

    private static String lineAt(String text, int offset) {
        int start = text.lastIndexOf('\n', offset - 1) + 1;
        int end = text.indexOf('\n', offset);
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
