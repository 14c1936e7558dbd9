package org.disclosureledger.api.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.disclosureledger.api.deployment.ComposeFile.MountedSecret;
import org.disclosureledger.api.deployment.DeclaredProperties.Property;

/**
 * The checks that keep the container files, the README and the application's configuration in step. Each returns
 * the problems it found, one sentence each, empty when all is well.
 */
final class DeploymentChecks {

    static final String TABLE_START = "<!-- ledger-properties:start -->";
    static final String TABLE_END = "<!-- ledger-properties:end -->";

    private static final Pattern SECRET_NAME = Pattern.compile("PASSWORD|SECRET|TOKEN|KEY|CREDENTIAL");
    private static final Pattern PINNED_IMAGE =
            Pattern.compile("(@sha256:[0-9a-f]{64}$)|(:[^/:@]*[0-9]+\\.[0-9]+[^/:@]*$)");
    private static final Pattern LEDGER_VARIABLE = Pattern.compile("\\bLEDGER_[A-Z0-9_]*[A-Z0-9]\\b");

    private DeploymentChecks() {}

    /**
     * Every {@code ledger.*} property the code reads is declared, with the default the code assumes; every declared
     * one is read, except those {@code awaited} (declared ahead of the code that will read them), which must not be
     * read yet.
     */
    static List<String> declarationsMatchTheCode(DeclaredProperties ledger, PropertyReads reads, Set<String> awaited) {
        List<String> problems = new ArrayList<>();
        for (String name : reads.placeholderNames()) {
            Property declared = ledger.byName().get(name);
            if (declared == null) {
                problems.add(name + " is read by the code but not declared in the configuration metadata");
                continue;
            }
            for (String inline : reads.inlineDefaults(name)) {
                if (!inline.isEmpty() && !inline.equals(declared.defaultValue())) {
                    problems.add(name + " is read with the default '" + inline + "' but declared with "
                            + (declared.defaultValue() == null ? "none" : "'" + declared.defaultValue() + "'"));
                }
            }
        }
        for (String name : ledger.names()) {
            if (!name.startsWith("ledger.")) {
                problems.add(name + " is declared in the ledger's metadata but is not a ledger.* property");
            } else if (awaited.contains(name) && reads.reads(name)) {
                problems.add(name + " is read by the code now: take it off the list of awaited properties");
            } else if (!awaited.contains(name) && !reads.reads(name)) {
                problems.add(name + " is declared but nothing in the code reads it");
            }
        }
        for (String name : awaited) {
            if (!ledger.names().contains(name) && !reads.reads(name)) {
                problems.add(name + " is awaited but not declared");
            }
        }
        return problems;
    }

    /** Every {@code ledger.*} value in application.yml is a declared property, set to its declared default. */
    static List<String> applicationYamlMatchesTheDeclarations(Map<String, Object> yaml, DeclaredProperties ledger) {
        List<String> problems = new ArrayList<>();
        Map<String, String> flat = new TreeMap<>();
        flatten("", yaml, flat);
        flat.forEach((name, value) -> {
            if (!name.startsWith("ledger.")) {
                return;
            }
            Property declared = ledger.byName().get(name);
            if (declared == null) {
                problems.add(name + " is set in application.yml but not declared in the configuration metadata");
            } else if (!value.equals(declared.defaultValue())) {
                problems.add(name + " is '" + value + "' in application.yml but declared with the default "
                        + (declared.defaultValue() == null ? "none" : "'" + declared.defaultValue() + "'"));
            }
        });
        return problems;
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
        map.forEach((key, value) -> {
            String name = prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, nested, into);
            } else {
                into.put(name, String.valueOf(value));
            }
        });
    }

    /**
     * Every variable a service's environment sets is one the application reads: a declared {@code ledger.*}
     * property, or a Spring Boot property of the class path's metadata, or one of {@code awaitedSpring} (read once a
     * dependency arrives; each must not be on the class path yet).
     */
    static List<String> environmentIsRead(
            ComposeFile compose,
            String service,
            DeclaredProperties ledger,
            DeclaredProperties spring,
            Set<String> awaitedSpring) {
        List<String> problems = new ArrayList<>();
        for (String name : awaitedSpring) {
            if (spring.names().contains(name)) {
                problems.add(name + " is on the class path now: take it off the list of awaited Spring properties");
            }
        }
        Set<String> awaitedVariables = awaitedSpring.stream()
                .map(name -> new Property(name, null, null, null).environmentVariable())
                .collect(Collectors.toSet());
        for (String variable : compose.environment(service).keySet()) {
            if (ledger.boundBy(variable) == null
                    && spring.boundBy(variable) == null
                    && !awaitedVariables.contains(variable)) {
                problems.add("the " + service + " service sets " + variable
                        + ", which is no property the application reads");
            }
        }
        return problems;
    }

    /**
     * Keys and passwords are files: no service sets a secret-looking variable to a value (only {@code *_FILE} paths),
     * every secret a service mounts is declared and read from a file, and every file path the given service is told
     * about through {@code *_FILE} is one of its mounted secrets.
     */
    static List<String> secretsAreFiles(ComposeFile compose, String service) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> declared = compose.declaredSecrets();
        declared.forEach((name, definition) -> {
            if (!(definition.get("file") instanceof String)) {
                problems.add("the secret " + name + " is not read from a file");
            }
        });
        for (String each : compose.services()) {
            compose.environment(each).forEach((variable, value) -> {
                if (SECRET_NAME.matcher(variable).find() && !variable.endsWith("_FILE")) {
                    problems.add("the " + each + " service sets " + variable
                            + " in the compose file; pass it as a secret file instead");
                }
            });
            for (MountedSecret secret : compose.secrets(each)) {
                if (!declared.containsKey(secret.source())) {
                    problems.add("the " + each + " service mounts the secret " + secret.source()
                            + ", which the compose file does not declare");
                }
            }
        }
        Set<String> targets =
                compose.secrets(service).stream().map(MountedSecret::target).collect(Collectors.toSet());
        compose.environment(service).forEach((variable, value) -> {
            if (variable.endsWith("_FILE") && !targets.contains(value)) {
                problems.add("the " + service + " service reads " + variable + " from " + value
                        + ", which is none of the secrets it mounts");
            }
        });
        return problems;
    }

    /** Every image the compose file runs without building it is pinned by version or digest. */
    static List<String> imagesArePinned(ComposeFile compose) {
        List<String> problems = new ArrayList<>();
        for (String service : compose.services()) {
            String image = compose.image(service);
            if (compose.builds(service)) {
                continue;
            }
            if (image == null || !PINNED_IMAGE.matcher(image).find()) {
                problems.add("the " + service + " service runs the image '" + image
                        + "', which is not pinned by version (name a tag with a version number, or a digest)");
            }
        }
        return problems;
    }

    /** The README's table of properties lists exactly the declared {@code ledger.*} properties, as rendered here. */
    static List<String> readmeTableMatches(String readme, DeclaredProperties ledger) {
        int start = readme.indexOf(TABLE_START);
        int end = readme.indexOf(TABLE_END);
        if (start < 0 || end < start) {
            return List.of("the README has no table between " + TABLE_START + " and " + TABLE_END);
        }
        String table = readme.substring(start + TABLE_START.length(), end).strip();
        String expected = table(ledger);
        if (!table.equals(expected)) {
            return List.of("the README's property table differs from the configuration metadata; it should read:\n"
                    + expected);
        }
        return List.of();
    }

    /** The table of {@code ledger.*} properties, sorted by name, as the README shows it. */
    static String table(DeclaredProperties ledger) {
        StringBuilder table = new StringBuilder("| environment variable | property | default | meaning |\n")
                .append("| --- | --- | --- | --- |\n");
        for (Property property : ledger.byName().values()) {
            table.append("| `")
                    .append(property.environmentVariable())
                    .append("` | `")
                    .append(property.name())
                    .append("` | ")
                    .append(property.defaultValue() == null ? "" : "`" + property.defaultValue() + "`")
                    .append(" | ")
                    .append(property.description().replace("|", "\\|"))
                    .append(" |\n");
        }
        return table.toString().strip();
    }

    /** Every {@code LEDGER_*} variable a document mentions sets a declared property. */
    static List<String> documentedVariablesExist(String document, String documentName, DeclaredProperties ledger) {
        Set<String> unknown = new TreeSet<>();
        Matcher variable = LEDGER_VARIABLE.matcher(document);
        while (variable.find()) {
            if (ledger.boundBy(variable.group()) == null) {
                unknown.add(variable.group());
            }
        }
        return unknown.stream()
                .map(name -> documentName + " mentions " + name + ", which sets no declared property")
                .toList();
    }
}
