package org.disclosureledger.api.documents;

/**
 * A small XHTML writer whose only way to add text escapes it, so no recorded value can become markup. The output is
 * well-formed XML, which the PDF renderer needs.
 */
public final class Xhtml {

    private final StringBuilder out = new StringBuilder();

    /** Opens an element; {@code attributes} alternate names and values, the values escaped. */
    public Xhtml open(String tag, String... attributes) {
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            out.append(' ')
                    .append(attributes[i])
                    .append("=\"")
                    .append(escape(attributes[i + 1]))
                    .append('"');
        }
        out.append('>');
        return this;
    }

    public Xhtml close(String tag) {
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    public Xhtml element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    public Xhtml text(String text) {
        out.append(escape(text));
        return this;
    }

    /** Markup written by the calling code itself, never a recorded value. */
    public Xhtml markup(String trusted) {
        out.append(trusted);
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** Escapes the five XML special characters and drops characters XML 1.0 cannot carry. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> {
                    if (allowedInXml(c)) {
                        escaped.appendCodePoint(c);
                    }
                }
            }
        });
        return escaped.toString();
    }

    private static boolean allowedInXml(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD)
                || (c >= 0x10000 && c <= 0x10FFFF);
    }
}
