package org.disclosureledger.watchdog.check;

import java.util.Objects;

/**
 * A failed check, with its evidence in words an auditor can act on (indexes, tree sizes, hashes, topic, partition and
 * offset). Printed as one line starting with {@code ALERT}.
 */
public record Alarm(AlarmKind kind, String evidence) {

    public Alarm {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(evidence, "evidence");
        evidence = evidence.replaceAll("\\p{Cntrl}", " ");
    }

    /** The line printed and kept: {@code ALERT <KIND> <evidence>}. */
    public String line() {
        return "ALERT " + kind + " " + evidence;
    }
}
