package org.disclosureledger.core.rulebook;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The versions of one rulebook file, in the order they came into force (checked on load). */
record LoadedRulebooks(String name, List<Rulebook> versions) implements RulebookLibrary {

    LoadedRulebooks {
        versions = List.copyOf(versions);
    }

    @Override
    public Optional<Rulebook> version(String version) {
        return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    @Override
    public Optional<Rulebook> inForceAt(Instant instant) {
        Rulebook inForce = null;
        for (Rulebook candidate : versions) {
            if (!candidate.effectiveFrom().isAfter(instant)) {
                inForce = candidate;
            }
        }
        return Optional.ofNullable(inForce);
    }
}
