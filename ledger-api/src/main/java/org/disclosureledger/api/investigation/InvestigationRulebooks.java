package org.disclosureledger.api.investigation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rulebook investigations judge under: the sample rulebook shipped with the ledger, loaded when first used (so
 * that the application starts even where no investigation ever runs). Issue 6's rulebook part replaces this with the
 * file named by {@code ledger.rulebook.location}.
 */
@Configuration(proxyBeanMethods = false)
class InvestigationRulebooks {

    @Bean
    RulebookLibrary rulebookLibrary() {
        return new OnFirstUse(RulebookLibrary::sample);
    }

    /** Loads the library on first use and keeps it. */
    private static final class OnFirstUse implements RulebookLibrary {

        private final Supplier<RulebookLibrary> load;
        private volatile RulebookLibrary loaded;

        OnFirstUse(Supplier<RulebookLibrary> load) {
            this.load = load;
        }

        private RulebookLibrary library() {
            RulebookLibrary library = loaded;
            if (library == null) {
                synchronized (this) {
                    if (loaded == null) {
                        loaded = load.get();
                    }
                    library = loaded;
                }
            }
            return library;
        }

        @Override
        public List<Rulebook> versions() {
            return library().versions();
        }

        @Override
        public Optional<Rulebook> version(String version) {
            return library().version(version);
        }

        @Override
        public Optional<Rulebook> inForceAt(Instant instant) {
            return library().inForceAt(instant);
        }
    }
}
