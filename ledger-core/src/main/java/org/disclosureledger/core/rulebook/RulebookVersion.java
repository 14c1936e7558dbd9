package org.disclosureledger.core.rulebook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.disclosureledger.core.disclosure.DisclosureDetails;

/**
 * One loaded, validated version of a rulebook. Judging asks the permitted purposes, then each court order in force
 * at the judging instant, then each agreement, in the file's order; every rule says at most one finding.
 */
final class RulebookVersion implements Rulebook {

    private final String name;
    private final String version;
    private final Instant effectiveFrom;
    private final PermittedPurposes permittedPurposes;
    private final List<CourtOrder> courtOrders;
    private final List<DataSharingAgreement> agreements;
    private final byte[] canonicalJson;
    private final String sha256;

    RulebookVersion(
            String name,
            String version,
            Instant effectiveFrom,
            PermittedPurposes permittedPurposes,
            List<CourtOrder> courtOrders,
            List<DataSharingAgreement> agreements,
            String canonicalJson) {
        this.name = name;
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.permittedPurposes = permittedPurposes;
        this.courtOrders = List.copyOf(courtOrders);
        this.agreements = List.copyOf(agreements);
        this.canonicalJson = canonicalJson.getBytes(StandardCharsets.UTF_8);
        this.sha256 = sha256(this.canonicalJson);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public Instant effectiveFrom() {
        return effectiveFrom;
    }

    @Override
    public List<Finding> evaluate(DisclosureDetails details, Instant judgedAt) {
        Objects.requireNonNull(details, "details");
        Objects.requireNonNull(judgedAt, "judgedAt");
        List<Finding> findings = new ArrayList<>();
        permittedPurposes.judge(details).ifPresent(findings::add);
        for (CourtOrder order : courtOrders) {
            order.judge(details, judgedAt).ifPresent(findings::add);
        }
        for (DataSharingAgreement agreement : agreements) {
            agreement.judge(details).ifPresent(findings::add);
        }
        return List.copyOf(findings);
    }

    @Override
    public byte[] canonicalJson() {
        return canonicalJson.clone();
    }

    @Override
    public String sha256() {
        return sha256;
    }

    @Override
    public String toString() {
        return name + " " + version;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
