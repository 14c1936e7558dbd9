package org.disclosureledger.watchdog.stream;

import java.util.List;

/**
 * The names of the stream's three topics, all under one prefix ({@code disclosure-ledger} unless the ledger was
 * configured otherwise).
 */
public record Topics(String disclosures, String checkpoints, String alerts) {

    public static final String DEFAULT_PREFIX = "disclosure-ledger";

    public static Topics withPrefix(String prefix) {
        if (prefix == null || prefix.isBlank() || prefix.contains(" ")) {
            throw new IllegalArgumentException("a topic prefix is a non-empty name without spaces, such as "
                    + DEFAULT_PREFIX + " (got '" + prefix + "')");
        }
        return new Topics(prefix + ".disclosures", prefix + ".checkpoints", prefix + ".alerts");
    }

    public List<String> all() {
        return List.of(disclosures, checkpoints, alerts);
    }
}
