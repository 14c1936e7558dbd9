package org.disclosureledger.api.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.Yaml;

/** The parts of a compose file that the deployment checks read: services, their environment, secrets and images. */
final class ComposeFile {

    /** A secret as a service mounts it: the declared secret's name and where it appears in the container. */
    record MountedSecret(String source, String target) {}

    private final Map<String, Object> root;

    private ComposeFile(Map<String, Object> root) {
        this.root = root;
    }

    static ComposeFile parse(String yaml) {
        Object root = new Yaml().load(yaml);
        if (!(root instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a compose file is a YAML mapping");
        }
        return new ComposeFile(cast(map));
    }

    Set<String> services() {
        return new TreeSet<>(section("services").keySet());
    }

    /** A service's environment, whether the file writes it as a mapping or as a list of NAME=value. */
    Map<String, String> environment(String service) {
        Object environment = service(service).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(String.valueOf(name), value == null ? "" : value.toString()));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String text = String.valueOf(entry);
                int equals = text.indexOf('=');
                variables.put(
                        equals < 0 ? text : text.substring(0, equals), equals < 0 ? "" : text.substring(equals + 1));
            }
        }
        return variables;
    }

    /** The secrets a service mounts; a target without a leading slash is a name under {@code /run/secrets/}. */
    List<MountedSecret> secrets(String service) {
        Object secrets = service(service).get("secrets");
        List<MountedSecret> mounted = new ArrayList<>();
        if (secrets instanceof List<?> list) {
            for (Object entry : list) {
                String source;
                Object target = null;
                if (entry instanceof Map<?, ?> map) {
                    source = String.valueOf(map.get("source"));
                    target = map.get("target");
                } else {
                    source = String.valueOf(entry);
                }
                String path = target == null ? source : target.toString();
                mounted.add(new MountedSecret(source, path.startsWith("/") ? path : "/run/secrets/" + path));
            }
        }
        return mounted;
    }

    /** The top-level secrets: name to their definition. */
    Map<String, Map<String, Object>> declaredSecrets() {
        Map<String, Map<String, Object>> secrets = new LinkedHashMap<>();
        section("secrets")
                .forEach((name, definition) ->
                        secrets.put(name, definition instanceof Map<?, ?> map ? cast(map) : Map.of()));
        return secrets;
    }

    boolean builds(String service) {
        return service(service).containsKey("build");
    }

    String image(String service) {
        Object image = service(service).get("image");
        return image == null ? null : image.toString();
    }

    private Map<String, Object> service(String name) {
        Object service = section("services").get(name);
        if (!(service instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the compose file has no service '" + name + "'");
        }
        return cast(map);
    }

    private Map<String, Object> section(String name) {
        Object section = root.get(name);
        return section instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
