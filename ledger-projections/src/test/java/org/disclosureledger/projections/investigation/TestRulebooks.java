package org.disclosureledger.projections.investigation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.core.rulebook.Severity;

/**
 * A two-version rulebook for the investigation tests, standing in for the real loader: version {@code 2025.1}
 * (from 2025-01-01) finds every disclosure for law enforcement a violation; version {@code 2026.1} (from 2026-01-01)
 * allows names and addresses for it and finds only other categories a violation.
 */
final class TestRulebooks implements RulebookLibrary {

    static final Instant V1_FROM = Instant.parse("2025-01-01T00:00:00Z");
    static final Instant V2_FROM = Instant.parse("2026-01-01T00:00:00Z");

    private final List<Rulebook> versions = List.of(
            new LawEnforcementRule("2025.1", V1_FROM, Set.of()),
            new LawEnforcementRule("2026.1", V2_FROM, Set.of(DataCategory.NAME, DataCategory.ADDRESS)));

    @Override
    public String name() {
        return "test-rulebook";
    }

    @Override
    public List<Rulebook> versions() {
        return versions;
    }

    @Override
    public Optional<Rulebook> version(String version) {
        return versions.stream().filter(r -> r.version().equals(version)).findFirst();
    }

    @Override
    public Optional<Rulebook> inForceAt(Instant instant) {
        return versions.stream()
                .filter(r -> !r.effectiveFrom().isAfter(instant))
                .max(Comparator.comparing(Rulebook::effectiveFrom));
    }

    private record LawEnforcementRule(String version, Instant effectiveFrom, Set<DataCategory> allowed)
            implements Rulebook {

        @Override
        public String name() {
            return "test-rulebook";
        }

        @Override
        public List<Finding> evaluate(DisclosureDetails details, Instant judgedAt) {
            if (details.purpose().code() != PurposeOfUse.LAW) {
                return List.of();
            }
            List<DataCategory> barred = new ArrayList<>(details.dataCategories());
            barred.removeAll(allowed);
            if (barred.isEmpty()) {
                return List.of();
            }
            return List.of(new Finding(
                    "law-enforcement-" + version,
                    Severity.VIOLATION,
                    "law-enforcement use of " + barred + " is barred under version " + version));
        }

        @Override
        public byte[] canonicalJson() {
            return ("{\"allowed\":\"" + allowed.stream().sorted().toList() + "\",\"version\":\"" + version + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String sha256() {
            try {
                return HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(canonicalJson()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
