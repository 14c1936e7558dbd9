package org.disclosureledger.api.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where the application's main code reads {@code ledger.*} properties: every {@code ${ledger....}} placeholder in a
 * string literal of every module's main sources (with its inline default, if any), and the prefixes of
 * {@code @ConfigurationProperties} classes, under which every property counts as read.
 */
final class PropertyReads {

    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(ledger\\.[a-z0-9.-]+)(?::([^}]*))?}");
    private static final Pattern CONFIGURATION_PROPERTIES =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:prefix|value)\\s*=\\s*)?\"(ledger[a-z0-9.-]*)\"");

    /** Property name to the inline defaults it is read with (empty when read without one). */
    private final Map<String, Set<String>> placeholders;

    private final Set<String> boundPrefixes;

    private PropertyReads(Map<String, Set<String>> placeholders, Set<String> boundPrefixes) {
        this.placeholders = placeholders;
        this.boundPrefixes = boundPrefixes;
    }

    /** Scans the {@code src/main/java} tree of every module under the repository root. */
    static PropertyReads scan(Path repositoryRoot) {
        Map<String, Set<String>> placeholders = new TreeMap<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> modules = Files.list(repositoryRoot)) {
            for (Path module : modules.toList()) {
                Path sources = module.resolve("src/main/java");
                if (!Files.isDirectory(sources)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(sources)) {
                    for (Path file :
                            files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        read(Files.readString(file), placeholders, prefixes);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new PropertyReads(placeholders, prefixes);
    }

    private static void read(String source, Map<String, Set<String>> placeholders, Set<String> prefixes) {
        Matcher literal = STRING_LITERAL.matcher(source);
        while (literal.find()) {
            Matcher placeholder = PLACEHOLDER.matcher(literal.group());
            while (placeholder.find()) {
                Set<String> defaults = placeholders.computeIfAbsent(placeholder.group(1), name -> new TreeSet<>());
                if (placeholder.group(2) != null) {
                    defaults.add(placeholder.group(2));
                }
            }
        }
        Matcher bound = CONFIGURATION_PROPERTIES.matcher(source);
        while (bound.find()) {
            prefixes.add(bound.group(1));
        }
    }

    /** The names read through placeholders. */
    Set<String> placeholderNames() {
        return placeholders.keySet();
    }

    /** The inline defaults a property is read with in code. */
    Set<String> inlineDefaults(String name) {
        return placeholders.getOrDefault(name, Set.of());
    }

    /** Whether the code reads this property, by placeholder or under a configuration-properties prefix. */
    boolean reads(String name) {
        return placeholders.containsKey(name)
                || boundPrefixes.stream().anyMatch(prefix -> name.startsWith(prefix + "."));
    }
}
