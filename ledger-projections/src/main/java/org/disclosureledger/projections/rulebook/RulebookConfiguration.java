package org.disclosureledger.projections.rulebook;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.disclosureledger.core.rulebook.InvalidRulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The rulebook the {@code Disclosure} aggregate judges each disclosure with, injected into its command handlers: the
 * file at {@code ledger.rulebook.location} (or a {@code classpath:} resource), or the sample rulebook when the property is empty. A bad file stops the
 * application at start with one line naming the file, the place in it and the problem.
 */
@Configuration(proxyBeanMethods = false)
public class RulebookConfiguration {

    /** The property naming the rulebook file. */
    public static final String LOCATION = "ledger.rulebook.location";

    /** A location starting so names a resource on the class path, such as {@code classpath:/rulebook/x.json}. */
    public static final String CLASSPATH = "classpath:";

    @Bean
    public RulebookLibrary ledgerRulebook(@Value("${ledger.rulebook.location:}") String location) {
        return load(location);
    }

    /** Loads the rulebook a location names (empty: the sample); throws {@link InvalidRulebook} with one line. */
    public static RulebookLibrary load(String location) {
        if (location == null || location.isBlank()) {
            return RulebookLibrary.sample();
        }
        if (location.strip().startsWith(CLASSPATH)) {
            String resource = location.strip().substring(CLASSPATH.length());
            try (InputStream in = RulebookConfiguration.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new InvalidRulebook(LOCATION + "=" + location.strip() + ": no such resource");
                }
                return RulebookLibrary.load(in);
            } catch (IOException e) {
                throw new InvalidRulebook(
                        LOCATION + "=" + location.strip() + ": cannot be read (" + e.getMessage() + ")");
            } catch (InvalidRulebook e) {
                if (e.getMessage().startsWith(LOCATION)) {
                    throw e;
                }
                throw new InvalidRulebook(LOCATION + "=" + location.strip() + ": " + e.getMessage(), e);
            }
        }
        Path file = Path.of(location.strip());
        try (InputStream in = Files.newInputStream(file)) {
            return RulebookLibrary.load(in);
        } catch (NoSuchFileException e) {
            throw new InvalidRulebook(LOCATION + "=" + file + ": no such file");
        } catch (IOException e) {
            throw new InvalidRulebook(LOCATION + "=" + file + ": cannot be read (" + e.getMessage() + ")");
        } catch (InvalidRulebook e) {
            throw new InvalidRulebook(LOCATION + "=" + file + ": " + e.getMessage(), e);
        }
    }
}
