package org.disclosureledger.core.disclosure;

import java.util.List;
import java.util.Optional;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;

/**
 * A rulebook library with no version in force, for the aggregate tests that are not about judging: with it the
 * aggregate records exactly what it did before rulebooks existed. {@code FlaggingTest} judges with the sample.
 */
final class NoRulebook implements RulebookLibrary {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public List<Rulebook> versions() {
        return List.of();
    }

    @Override
    public Optional<Rulebook> version(String version) {
        return Optional.empty();
    }

    @Override
    public Optional<Rulebook> inForceAt(java.time.Instant instant) {
        return Optional.empty();
    }
}
