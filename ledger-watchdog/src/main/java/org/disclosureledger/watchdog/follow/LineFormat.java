package org.disclosureledger.watchdog.follow;

import org.disclosureledger.watchdog.stream.DisclosureMessage;

/**
 * The readable line printed for a disclosure event: {@code <time> <state> -> <recipient> <purpose> <kind>
 * <disclosure id> [<people>] [<detail>] <categories> #<ledger index>}, such as {@code 2025-06-15T10:02:11Z CA ->
 * us-dhs-ice LAW recorded ca-dhcs-2025-06-0001 3 people NAME,ADDRESS,SSN #12}; for a recorded read of a person's
 * records, {@code <time> ACCESS <role> <reader> read <record> "<purpose>" #<ledger index>}.
 */
public final class LineFormat {

    private LineFormat() {}

    public static String line(DisclosureMessage m) {
        if (m.kind().isAccess()) {
            String access = m.time() + " ACCESS " + m.detail() + " #" + m.ledgerIndex();
            return access.replaceAll("\\p{Cntrl}", "?");
        }
        StringBuilder line = new StringBuilder()
                .append(m.time())
                .append(' ')
                .append(m.custodianState())
                .append(" -> ")
                .append(m.recipientAgency())
                .append(' ')
                .append(m.purpose())
                .append(' ')
                .append(m.kind().kind())
                .append(' ')
                .append(m.disclosureId());
        m.subjectCount().ifPresent(n -> line.append(' ').append(n).append(n == 1 ? " person" : " people"));
        if (!m.detail().isEmpty()) {
            line.append(' ').append(m.detail());
        }
        line.append(' ')
                .append(m.dataCategories().isEmpty() ? "-" : String.join(",", m.dataCategories()))
                .append(" #")
                .append(m.ledgerIndex());
        return line.toString().replaceAll("\\p{Cntrl}", "?");
    }
}
