package org.disclosureledger.api.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.disclosureledger.api.problem.InvalidRequest;

/**
 * One line of a CSV chunk of bulk subjects: {@code state,medicaidId} or {@code state,medicaidId,ssn}, fields as in
 * RFC 4180 (a field may be enclosed in double quotes, which lets it hold a comma; a double quote inside is doubled),
 * one subject per line, no field spanning lines. An empty field is an absent value. Fields are taken as they are, as
 * the NDJSON lines' values are: the Medicaid id's normalisation drops spaces and hyphens, a state with spaces around
 * it is refused. Error messages name the line and never repeat what it holds.
 */
final class CsvSubjectLine {

    private static final List<String> MEDICAID_ID = List.of("medicaidid", "medicaid_id");

    private CsvSubjectLine() {}

    /** The line's subject; {@code field} names the line in error messages. */
    static SubjectIdentifier subject(String field, String line) {
        List<String> fields = fields(field, line);
        if (!isSubjectShaped(fields)) {
            throw new InvalidRequest(
                    field,
                    "expected 2 or 3 comma-separated fields (state,medicaidId or state,medicaidId,ssn), found "
                            + fields.size());
        }
        return new SubjectIdentifier(
                orNull(fields.get(0)), orNull(fields.get(1)), fields.size() == 3 ? orNull(fields.get(2)) : null);
    }

    /**
     * Whether the line names the columns ({@code state,medicaidId} or {@code state,medicaidId,ssn}, in any case,
     * {@code medicaid_id} also accepted), as the first line of an exported file, and so of the first chunk split from
     * it, usually does. Only a chunk's first line is looked at.
     */
    static boolean isHeader(String line) {
        List<String> names;
        try {
            names = fields("header", line).stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT))
                    .toList();
        } catch (InvalidRequest e) {
            return false;
        }
        return isSubjectShaped(names)
                && names.get(0).equals("state")
                && MEDICAID_ID.contains(names.get(1))
                && (names.size() == 2 || names.get(2).equals("ssn"));
    }

    /** The line's fields, unquoted. */
    static List<String> fields(String field, String line) {
        List<String> fields = new ArrayList<>(3);
        int i = 0;
        int n = line.length();
        while (true) {
            StringBuilder value = new StringBuilder();
            if (i < n && line.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new InvalidRequest(
                                field, "a quoted field is not closed (a field cannot span lines in a chunk)");
                    }
                    char c = line.charAt(i++);
                    if (c != '"') {
                        value.append(c);
                    } else if (i < n && line.charAt(i) == '"') {
                        value.append('"');
                        i++;
                    } else {
                        break;
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new InvalidRequest(
                            field, "a quoted field must be followed by a comma or the end of the line");
                }
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                if (line.substring(i, end).indexOf('"') >= 0) {
                    throw new InvalidRequest(
                            field, "a double quote may only appear inside a field enclosed in double quotes, doubled");
                }
                value.append(line, i, end);
                i = end;
            }
            fields.add(value.toString());
            if (i >= n) {
                return fields;
            }
            i++;
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }

    /** A subject's line has two fields, or three with the SSN. */
    private static boolean isSubjectShaped(List<String> fields) {
        return fields.size() == 2 || fields.size() == 3;
    }

    private static String orNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
