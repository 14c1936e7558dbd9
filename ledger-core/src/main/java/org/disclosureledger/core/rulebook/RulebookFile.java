package org.disclosureledger.core.rulebook;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.jurisdiction.StateCode;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a rulebook file: JSON, checked against {@code rulebook/rulebook.schema.json}, then the checks a schema cannot
 * make (known categories, purposes, states and agency ids; date ranges in order; rule ids unique within a version;
 * versions in the order they came into force). The first problem found becomes an {@link InvalidRulebook} naming its
 * JSON pointer.
 */
final class RulebookFile {

    static final String SCHEMA_RESOURCE = "/rulebook/rulebook.schema.json";
    static final String SAMPLE_RESOURCE = "/rulebook/sample-rulebook.json";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final Schema SCHEMA = loadSchema();

    private RulebookFile() {}

    static RulebookLibrary read(InputStream in) {
        if (in == null) {
            throw new InvalidRulebook("rulebook: no file to read");
        }
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JacksonException e) {
            var where = e.getLocation();
            throw new InvalidRulebook("rulebook: not valid JSON"
                    + (where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr())
                    + ": " + firstLine(e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidRulebook("rulebook: the file is empty");
        }
        List<Error> errors = SCHEMA.validate(root);
        if (!errors.isEmpty()) {
            Error first = errors.get(0);
            String pointer = first.getInstanceLocation().toString().replaceFirst("^\\$", "");
            throw new InvalidRulebook("rulebook " + (pointer.isEmpty() ? "/" : pointer) + ": "
                    + firstLine(stripLocation(
                            first.getMessage(), first.getInstanceLocation().toString())));
        }
        return new RulebookFile.Reader(root).library();
    }

    private static final class Reader {

        private final JsonNode root;
        private final String name;

        Reader(JsonNode root) {
            this.root = root;
            this.name = root.get("name").stringValue();
        }

        RulebookLibrary library() {
            List<Rulebook> versions = new ArrayList<>();
            Set<String> versionNames = new HashSet<>();
            LocalDate previous = null;
            JsonNode list = root.get("versions");
            for (int i = 0; i < list.size(); i++) {
                String at = "/versions/" + i;
                JsonNode node = list.get(i);
                String version = node.get("version").stringValue();
                if (!versionNames.add(version)) {
                    throw bad(at + "/version", "version '" + version + "' appears twice");
                }
                LocalDate from = date(node, at, "effectiveFrom");
                if (previous != null && !from.isAfter(previous)) {
                    throw bad(
                            at + "/effectiveFrom",
                            "versions must come in the order they came into force, and " + from
                                    + " is not after the previous version's " + previous);
                }
                previous = from;
                versions.add(version(node, at, version, from));
            }
            return new LoadedRulebooks(name, versions);
        }

        private Rulebook version(JsonNode node, String at, String version, LocalDate from) {
            Set<String> ruleIds = new HashSet<>();
            JsonNode pp = node.get("permittedPurposes");
            String ppId = unique(ruleIds, pp, at + "/permittedPurposes");
            PermittedPurposes permitted = new PermittedPurposes(
                    ppId,
                    pp.get("citation").stringValue(),
                    names(pp, at + "/permittedPurposes", "purposes", PurposeOfUse.class, "purpose"),
                    Severity.valueOf(pp.get("severity").stringValue()),
                    pp.get("explanation").stringValue());
            List<CourtOrder> orders = new ArrayList<>();
            JsonNode orderList = node.get("courtOrders");
            for (int i = 0; i < orderList.size(); i++) {
                orders.add(order(orderList.get(i), at + "/courtOrders/" + i, ruleIds));
            }
            List<DataSharingAgreement> agreements = new ArrayList<>();
            JsonNode agreementList = node.get("agreements");
            for (int i = 0; i < agreementList.size(); i++) {
                agreements.add(agreement(agreementList.get(i), at + "/agreements/" + i, ruleIds));
            }
            ObjectNode canonical = JSON.createObjectNode();
            canonical.put("name", name);
            canonical.set("version", node);
            return new RulebookVersion(
                    name,
                    version,
                    from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    permitted,
                    orders,
                    agreements,
                    JSON.writeValueAsString(sorted(canonical)));
        }

        private CourtOrder order(JsonNode node, String at, Set<String> ruleIds) {
            String id = unique(ruleIds, node, at);
            Period period = period(node, at, "effectiveFrom", "effectiveUntil");
            JsonNode scope = node.get("scope");
            String scopeAt = at + "/scope";
            boolean barred = node.has("barredCategories");
            boolean allowed = node.has("allowedCategories");
            if (barred && allowed) {
                throw bad(at, "an order has either barredCategories or allowedCategories, not both");
            }
            if (!barred && !allowed && !node.has("barredPurposes")) {
                throw bad(at, "an order needs barredCategories, allowedCategories or barredPurposes");
            }
            return new CourtOrder(
                    id,
                    node.get("court").stringValue(),
                    node.get("case").stringValue(),
                    node.get("title").stringValue(),
                    period,
                    agencies(scope, scopeAt, "recipients"),
                    states(scope, scopeAt, "custodianStates"),
                    names(scope, scopeAt, "purposes", PurposeOfUse.class, "purpose"),
                    names(node, at, "barredCategories", DataCategory.class, "data category"),
                    allowed ? names(node, at, "allowedCategories", DataCategory.class, "data category") : null,
                    names(node, at, "barredPurposes", PurposeOfUse.class, "purpose"),
                    Severity.valueOf(node.get("severity").stringValue()));
        }

        private DataSharingAgreement agreement(JsonNode node, String at, Set<String> ruleIds) {
            String id = unique(ruleIds, node, at);
            AgencyId recipient = agency(node.get("recipient").stringValue(), at + "/recipient");
            return new DataSharingAgreement(
                    id,
                    node.get("title").stringValue(),
                    recipient,
                    states(node, at, "custodianStates"),
                    period(node, at, "accessFrom", "accessUntil"),
                    node.get("downloadAllowed").booleanValue(),
                    names(node, at, "permittedCategories", DataCategory.class, "data category"),
                    Severity.valueOf(node.get("severity").stringValue()));
        }

        private static String unique(Set<String> ruleIds, JsonNode node, String at) {
            String id = node.get("id").stringValue();
            if (!ruleIds.add(id)) {
                throw bad(at + "/id", "rule id '" + id + "' is used twice in this version");
            }
            return id;
        }

        private static Period period(JsonNode node, String at, String fromField, String untilField) {
            LocalDate from = date(node, at, fromField);
            LocalDate until = node.has(untilField) ? date(node, at, untilField) : null;
            if (until != null && until.isBefore(from)) {
                throw bad(at + "/" + untilField, untilField + " " + until + " ends before " + fromField + " " + from);
            }
            return new Period(from, until);
        }

        private static LocalDate date(JsonNode node, String at, String field) {
            String text = node.get(field).stringValue();
            try {
                return LocalDate.parse(text);
            } catch (DateTimeException e) {
                throw bad(at + "/" + field, "'" + text + "' is not a calendar date (YYYY-MM-DD)");
            }
        }

        private static <E extends Enum<E>> Set<E> names(
                JsonNode node, String at, String field, Class<E> type, String what) {
            Set<E> values = EnumSet.noneOf(type);
            JsonNode list = node == null ? null : node.get(field);
            if (list == null) {
                return values;
            }
            for (int i = 0; i < list.size(); i++) {
                String text = list.get(i).stringValue();
                try {
                    values.add(Enum.valueOf(type, text));
                } catch (IllegalArgumentException e) {
                    throw bad(at + "/" + field + "/" + i, "'" + text + "' is not a known " + what);
                }
            }
            return values;
        }

        private static Set<StateCode> states(JsonNode node, String at, String field) {
            return parsed(node, at, field, StateCode::new);
        }

        private static Set<AgencyId> agencies(JsonNode node, String at, String field) {
            return parsed(node, at, field, text -> agency(text, null));
        }

        private static AgencyId agency(String text, String at) {
            if (at == null) {
                return new AgencyId(text);
            }
            try {
                return new AgencyId(text);
            } catch (IllegalArgumentException e) {
                throw bad(at, "'" + text + "' is not an agency id: " + e.getMessage());
            }
        }

        private static <T> Set<T> parsed(JsonNode node, String at, String field, Function<String, T> parse) {
            Set<T> values = new LinkedHashSet<>();
            JsonNode list = node == null ? null : node.get(field);
            if (list == null) {
                return values;
            }
            for (int i = 0; i < list.size(); i++) {
                String text = list.get(i).stringValue();
                try {
                    values.add(parse.apply(text));
                } catch (IllegalArgumentException e) {
                    throw bad(at + "/" + field + "/" + i, e.getMessage());
                }
            }
            return Set.copyOf(values);
        }
    }

    /** A copy of the tree with every object's members sorted by name, so equal content gives equal bytes. */
    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> members = new TreeMap<>();
            node.properties().forEach(e -> members.put(e.getKey(), sorted(e.getValue())));
            ObjectNode copy = JSON.createObjectNode();
            members.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.values().forEach(v -> copy.add(sorted(v)));
            return copy;
        }
        return node;
    }

    private static InvalidRulebook bad(String pointer, String problem) {
        return new InvalidRulebook("rulebook " + pointer + ": " + problem);
    }

    private static String stripLocation(String message, String location) {
        return message.startsWith(location + ": ") ? message.substring(location.length() + 2) : message;
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "unreadable";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Schema loadSchema() {
        try (InputStream in = RulebookFile.class.getResourceAsStream(SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no rulebook schema at " + SCHEMA_RESOURCE);
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the rulebook schema", e);
        }
    }
}
