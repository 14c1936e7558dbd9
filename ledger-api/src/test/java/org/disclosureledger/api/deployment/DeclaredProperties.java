package org.disclosureledger.api.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Configuration properties as Spring's metadata files declare them: the ledger's own (its
 * {@code additional-spring-configuration-metadata.json}) and Spring Boot's (every
 * {@code spring-configuration-metadata.json} on the class path), with the environment variable that sets each.
 */
final class DeclaredProperties {

    /** One declared property; {@code defaultValue} is null when the metadata names none. */
    record Property(String name, String type, String description, String defaultValue) {

        /** The variable Spring's relaxed binding reads for it: dots and dashes become underscores, upper case. */
        String environmentVariable() {
            return name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
        }

        /** Every spelling Spring binds from the environment: also the one without the dashes. */
        Set<String> environmentVariables() {
            return Set.copyOf(List.of(
                    environmentVariable(),
                    name.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT)));
        }

        boolean isMap() {
            return type != null && type.startsWith("java.util.Map<");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SortedMap<String, Property> byName;

    private DeclaredProperties(SortedMap<String, Property> byName) {
        this.byName = Collections.unmodifiableSortedMap(byName);
    }

    /** The properties one metadata file declares. */
    static DeclaredProperties readFile(Path metadata) {
        try (InputStream in = Files.newInputStream(metadata)) {
            return new DeclaredProperties(parse(in, new TreeMap<>()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties that every {@code META-INF/spring-configuration-metadata.json} on the class path declares. */
    static DeclaredProperties onClassPath() {
        SortedMap<String, Property> all = new TreeMap<>();
        try {
            Enumeration<URL> files = DeclaredProperties.class
                    .getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json");
            for (URL file : Collections.list(files)) {
                try (InputStream in = file.openStream()) {
                    parse(in, all);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DeclaredProperties(all);
    }

    private static SortedMap<String, Property> parse(InputStream in, SortedMap<String, Property> into)
            throws IOException {
        JsonNode root = JSON.readTree(in);
        for (JsonNode property : root.path("properties")) {
            String name = property.path("name").asText();
            JsonNode defaultValue = property.get("defaultValue");
            into.put(
                    name,
                    new Property(
                            name,
                            property.path("type").asText(null),
                            property.path("description").asText(null),
                            defaultValue == null || defaultValue.isNull() ? null : defaultValue.asText()));
        }
        return into;
    }

    SortedMap<String, Property> byName() {
        return byName;
    }

    Set<String> names() {
        return byName.keySet();
    }

    /** The declared property an environment variable sets, or null when it sets none of them. */
    Property boundBy(String environmentVariable) {
        for (Property property : byName.values()) {
            if (property.environmentVariables().contains(environmentVariable)) {
                return property;
            }
        }
        for (Property property : byName.values()) {
            if (property.isMap() && environmentVariable.startsWith(property.environmentVariable() + "_")) {
                return property;
            }
        }
        return null;
    }
}
