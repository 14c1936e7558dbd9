package org.disclosureledger.core.rulebook;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The versions of one rulebook, ordered by the date each came into force. */
public interface RulebookLibrary {

    List<Rulebook> versions();

    Optional<Rulebook> version(String version);

    /** The version in force at an instant; empty before the first. */
    Optional<Rulebook> inForceAt(Instant instant);

    /** Loads and validates a rulebook file; throws {@link InvalidRulebook} with a one-line reason. */
    static RulebookLibrary load(InputStream json) {
        throw new UnsupportedOperationException("rulebook loading is being built under issue 6");
    }

    /** The sample rulebook shipped with the ledger, modelling the 2025 orders from public reporting. */
    static RulebookLibrary sample() {
        throw new UnsupportedOperationException("the sample rulebook is being built under issue 6");
    }
}
