package org.disclosureledger.core.rulebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The versions of one rulebook, ordered by the date each came into force. */
public interface RulebookLibrary {

    /** The rulebook's name, shared by all its versions (an addition to the issue 6 contract). */
    String name();

    List<Rulebook> versions();

    Optional<Rulebook> version(String version);

    /** The version in force at an instant; empty before the first. */
    Optional<Rulebook> inForceAt(Instant instant);

    /** Loads and validates a rulebook file; throws {@link InvalidRulebook} with a one-line reason. */
    static RulebookLibrary load(InputStream json) {
        return RulebookFile.read(json);
    }

    /** The sample rulebook shipped with the ledger, modelling the 2025 orders from public reporting. */
    static RulebookLibrary sample() {
        try (InputStream in = RulebookLibrary.class.getResourceAsStream(RulebookFile.SAMPLE_RESOURCE)) {
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the sample rulebook", e);
        }
    }
}
