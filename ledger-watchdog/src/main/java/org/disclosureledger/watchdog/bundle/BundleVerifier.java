package org.disclosureledger.watchdog.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteVerifier;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.watchdog.bundle.BundleProblem.Kind;

/**
 * Verifies an investigation's evidence bundle with nothing but the ledger's public key: the checkpoint's signature;
 * every entry's leaf hash and inclusion proof against the checkpoint's root; the report's SHA-256; that the report's
 * disclosures, their entries, details (as of the checkpoint) and subject counts are exactly what the envelopes show,
 * each disclosure's entries listed in ledger order from its first event without a gap; the digest of every rulebook
 * version the report names; and that the bundle holds no other file. What it cannot see offline is an entry left out of
 * the bundle altogether, a disclosure's or its last ones: that needs the ledger (or a watchdog's copy of the stream).
 */
public final class BundleVerifier {

    /**
     * An entry's file, its ledger index written as the ledger writes it: no leading zero (so that no two names mean
     * the same entry) and at most 18 digits (so that it fits a long).
     */
    private static final Pattern ENTRY = Pattern.compile("entries/(0|[1-9][0-9]{0,17})\\.(leaf|proof)");

    private static final Pattern RULEBOOK = Pattern.compile("rulebooks/[^/]+\\.json");
    private static final Set<String> REPORT_FILES = Set.of("report.json", "report.sha256", "checkpoint.note");
    private static final byte[] TAG = "disclosure-ledger-leaf-v1".getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper json = new ObjectMapper();
    private final NoteVerifier key;

    public BundleVerifier(NoteVerifier key) {
        this.key = key;
    }

    /**
     * What a verification found.
     *
     * @param problems     every problem, empty when the bundle is valid
     * @param checkpoint   the verified checkpoint, or null when its signature did not verify
     * @param reportSha256 the report's SHA-256 as computed here
     * @param disclosures  disclosures the report lists
     * @param entries      entries proven
     * @param rulebooks    the rulebook versions the report names
     * @param counts       the report's totals as it states them
     */
    public record Result(
            List<BundleProblem> problems,
            Checkpoint checkpoint,
            String reportSha256,
            int disclosures,
            int entries,
            List<String> rulebooks,
            JsonNode counts) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Reads a bundle's files; throws {@link UnusableBundle} when it is not a zip. */
    public static Map<String, byte[]> unzip(byte[] bundle) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bundle))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (files.put(e.getName(), in.readAllBytes()) != null) {
                    throw new UnusableBundle("the bundle holds " + e.getName() + " twice");
                }
            }
        } catch (IOException e) {
            throw new UnusableBundle("not a zip archive: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw new UnusableBundle("not an evidence bundle: the file is not a zip archive, or an empty one");
        }
        return files;
    }

    public Result verify(Map<String, byte[]> files) {
        byte[] report = required(files, "report.json");
        String statedDigest = new String(required(files, "report.sha256"), StandardCharsets.US_ASCII).strip();
        String note = new String(required(files, "checkpoint.note"), StandardCharsets.UTF_8);
        List<BundleProblem> problems = new ArrayList<>();

        Checkpoint checkpoint = null;
        try {
            checkpoint = key.verifyCheckpoint(note);
        } catch (RuntimeException e) {
            problems.add(new BundleProblem(
                    Kind.CHECKPOINT_SIGNATURE_INVALID,
                    "checkpoint.note",
                    "does not verify with " + key.verifierKey() + ": " + e.getMessage()));
        }
        String digest = sha256Hex(report);
        if (!digest.equals(statedDigest)) {
            problems.add(new BundleProblem(
                    Kind.REPORT_DIGEST_MISMATCH,
                    "report.json",
                    "SHA-256 is " + digest + ", report.sha256 says " + statedDigest));
        }
        JsonNode root;
        try {
            root = json.readTree(report);
        } catch (IOException e) {
            problems.add(new BundleProblem(Kind.REPORT_DIGEST_MISMATCH, "report.json", "is not JSON"));
            return new Result(problems, checkpoint, digest, 0, 0, List.of(), null);
        }
        if (checkpoint != null) {
            long size = root.at("/checkpoint/treeSize").asLong(-1);
            String rootHash = root.at("/checkpoint/rootHash").asText();
            if (size != checkpoint.treeSize()
                    || !rootHash.equals(checkpoint.rootHash().hex())) {
                problems.add(new BundleProblem(
                        Kind.CHECKPOINT_MISMATCH,
                        "report.json",
                        "names tree size " + size + " root " + rootHash + ", the signed checkpoint has tree size "
                                + checkpoint.treeSize() + " root "
                                + checkpoint.rootHash().hex()));
            }
        }
        for (String name : files.keySet()) {
            if (!REPORT_FILES.contains(name)
                    && !ENTRY.matcher(name).matches()
                    && !RULEBOOK.matcher(name).matches()) {
                problems.add(new BundleProblem(
                        Kind.UNEXPECTED_FILE,
                        name,
                        "an evidence bundle holds no such file (entries are named by their ledger index, without"
                                + " leading zeros)"));
            }
        }
        int entries = verifyEntries(files, root, checkpoint, problems);
        List<String> rulebooks = verifyRulebooks(files, root, problems);
        return new Result(
                problems, checkpoint, digest, root.path("disclosures").size(), entries, rulebooks, root.get("counts"));
    }

    private int verifyEntries(
            Map<String, byte[]> files, JsonNode report, Checkpoint checkpoint, List<BundleProblem> problems) {
        Map<Long, byte[]> leaves = new TreeMap<>();
        Map<Long, byte[]> proofs = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Matcher m = ENTRY.matcher(file.getKey());
            if (m.matches()) {
                (m.group(2).equals("leaf") ? leaves : proofs).put(Long.parseLong(m.group(1)), file.getValue());
            }
        }
        Set<Long> named = new HashSet<>();
        int proven = 0;
        for (JsonNode disclosure : report.path("disclosures")) {
            String id = disclosure.path("disclosureId").asText();
            Fold fold = new Fold();
            long previousIndex = -1;
            // The disclosure's event number the next entry must have; -1 once an entry could not be read.
            long nextSequence = 0;
            for (JsonNode entry : disclosure.path("entries")) {
                long index = entry.path("ledgerIndex").asLong();
                String where = "entry " + index;
                named.add(index);
                if (index <= previousIndex) {
                    problems.add(new BundleProblem(
                            Kind.DISCLOSURE_MISMATCH,
                            where,
                            "the report lists it for " + id + " after entry " + previousIndex
                                    + ": a disclosure's entries are listed once each, in ledger order"));
                    continue;
                }
                previousIndex = index;
                byte[] leaf = leaves.get(index);
                byte[] proof = proofs.get(index);
                if (leaf == null || proof == null) {
                    problems.add(new BundleProblem(
                            Kind.ENTRY_MISSING,
                            where,
                            "the report names it for " + id + " but the bundle has no "
                                    + (leaf == null ? "envelope" : "proof")));
                    nextSequence = -1;
                    continue;
                }
                if (checkpoint != null) {
                    if (included(leaf, proof, index, checkpoint, where, problems)) {
                        proven++;
                    }
                }
                Envelope envelope;
                try {
                    envelope = Envelope.parse(leaf);
                } catch (RuntimeException e) {
                    problems.add(new BundleProblem(Kind.ENVELOPE_UNREADABLE, where, e.getMessage()));
                    nextSequence = -1;
                    continue;
                }
                if (!envelope.aggregateIdentifier.equals(id)
                        || !envelope.payloadType.equals(entry.path("type").asText())) {
                    problems.add(new BundleProblem(
                            Kind.DISCLOSURE_MISMATCH,
                            where,
                            "the report says " + entry.path("type").asText() + " of " + id + ", the envelope is "
                                    + envelope.payloadType + " of " + envelope.aggregateIdentifier));
                    nextSequence = -1;
                    continue;
                }
                if (nextSequence >= 0 && envelope.sequenceNumber != nextSequence) {
                    // A disclosure's events are numbered from 0 without a gap, and the report lists all of them: an
                    // entry left out between two listed ones (a correction, say) shows here.
                    problems.add(new BundleProblem(
                            Kind.DISCLOSURE_MISMATCH,
                            where,
                            "its envelope is event " + envelope.sequenceNumber + " of " + id + ", but the report's"
                                    + " entries before it make it event " + nextSequence
                                    + ": the report leaves out some of the disclosure's entries"));
                    nextSequence = -1;
                    continue;
                }
                nextSequence = envelope.sequenceNumber + 1;
                try {
                    fold.accept(envelope.payloadType, json.readTree(envelope.payload));
                } catch (IOException e) {
                    problems.add(new BundleProblem(Kind.ENVELOPE_UNREADABLE, where, "payload is not JSON"));
                }
            }
            fold.compare(id, disclosure, problems);
        }
        for (long index : leaves.keySet()) {
            if (!named.contains(index)) {
                problems.add(new BundleProblem(
                        Kind.ENTRY_NOT_IN_REPORT,
                        "entry " + index,
                        "the bundle has its envelope; the report does not name it"));
            }
        }
        return proven;
    }

    private static boolean included(
            byte[] leaf, byte[] proof, long index, Checkpoint checkpoint, String where, List<BundleProblem> problems) {
        if (proof.length % Sha256Hash.LENGTH != 0) {
            problems.add(new BundleProblem(
                    Kind.ENTRY_NOT_INCLUDED, where, "its proof is " + proof.length + " bytes, not a multiple of 32"));
            return false;
        }
        List<Sha256Hash> path = new ArrayList<>();
        for (int i = 0; i < proof.length; i += Sha256Hash.LENGTH) {
            path.add(new Sha256Hash(Arrays.copyOfRange(proof, i, i + Sha256Hash.LENGTH)));
        }
        try {
            ProofVerifier.verifyInclusion(
                    MerkleTree.leafHash(leaf), index, checkpoint.treeSize(), path, checkpoint.rootHash());
            return true;
        } catch (RuntimeException e) {
            problems.add(new BundleProblem(
                    Kind.ENTRY_NOT_INCLUDED,
                    where,
                    "its envelope and proof do not lead to the checkpoint's root (tree size " + checkpoint.treeSize()
                            + "): " + e.getMessage()));
            return false;
        }
    }

    private List<String> verifyRulebooks(Map<String, byte[]> files, JsonNode report, List<BundleProblem> problems) {
        List<String> versions = new ArrayList<>();
        for (JsonNode rulebook : report.path("rulebooks")) {
            String version = rulebook.path("version").asText();
            String file = "rulebooks/" + version + ".json";
            versions.add(rulebook.path("name").asText() + " " + version);
            byte[] bytes = files.get(file);
            if (bytes == null) {
                problems.add(
                        new BundleProblem(Kind.RULEBOOK_MISMATCH, file, "the report names it; the bundle lacks it"));
            } else if (!sha256Hex(bytes).equals(rulebook.path("sha256").asText())) {
                problems.add(new BundleProblem(
                        Kind.RULEBOOK_MISMATCH,
                        file,
                        "SHA-256 is " + sha256Hex(bytes) + ", the report says "
                                + rulebook.path("sha256").asText()));
            }
        }
        return versions;
    }

    private static byte[] required(Map<String, byte[]> files, String name) {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new UnusableBundle("not an evidence bundle: it has no " + name);
        }
        return bytes;
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A disclosure's details, subjects and corrections as its envelopes show them, in ledger order. */
    private static final class Fold {
        JsonNode details;
        final Set<String> subjects = new HashSet<>();
        int corrections;

        void accept(String type, JsonNode payload) {
            switch (type) {
                case "DisclosureRecorded" -> {
                    details = payload.get("details");
                    payload.path("subjects").forEach(s -> subjects.add(s.asText()));
                }
                case "BulkDisclosureOpened" -> details = payload.get("details");
                case "BulkSubjectsAttached" -> payload.path("subjects").forEach(s -> subjects.add(s.asText()));
                case "DisclosureCorrected" -> {
                    details = payload.get("corrected");
                    corrections++;
                }
                default -> {
                    // Other follow-ons change no detail the report states.
                }
            }
        }

        void compare(String id, JsonNode reported, List<BundleProblem> problems) {
            String where = "disclosure " + id;
            if (details == null || !details.equals(reported.get("details"))) {
                problems.add(new BundleProblem(
                        Kind.DISCLOSURE_MISMATCH, where, "the report's details are not those its envelopes show"));
            }
            if (subjects.size() != reported.path("subjectCount").asLong(-1)) {
                problems.add(new BundleProblem(
                        Kind.DISCLOSURE_MISMATCH,
                        where,
                        "the report counts " + reported.path("subjectCount").asText() + " subjects, the envelopes "
                                + subjects.size()));
            }
            if (corrections != reported.path("corrections").asInt(-1)) {
                problems.add(new BundleProblem(
                        Kind.DISCLOSURE_MISMATCH,
                        where,
                        "the report counts " + reported.path("corrections").asText() + " corrections, the envelopes "
                                + corrections));
            }
        }
    }

    /** The parts of a leaf envelope the verifier reads (layout in docs/integrity.md). */
    private record Envelope(String payloadType, String aggregateIdentifier, long sequenceNumber, byte[] payload) {

        static Envelope parse(byte[] bytes) {
            ByteBuffer in = ByteBuffer.wrap(bytes);
            byte[] tag = new byte[TAG.length];
            if (bytes.length < TAG.length || !Arrays.equals(read(in, tag), TAG)) {
                throw new IllegalArgumentException("does not start with the tag disclosure-ledger-leaf-v1");
            }
            field(in);
            String type = new String(field(in), StandardCharsets.UTF_8);
            field(in);
            String aggregate = new String(field(in), StandardCharsets.UTF_8);
            byte[] sequence = field(in);
            if (sequence.length != Long.BYTES) {
                throw new IllegalArgumentException("its sequence number is " + sequence.length + " bytes, not 8");
            }
            field(in);
            byte[] payload = field(in);
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " bytes after the payload");
            }
            return new Envelope(type, aggregate, ByteBuffer.wrap(sequence).getLong(), payload);
        }

        private static byte[] read(ByteBuffer in, byte[] into) {
            in.get(into);
            return into;
        }

        private static byte[] field(ByteBuffer in) {
            if (in.remaining() < Integer.BYTES) {
                throw new IllegalArgumentException("ends in the middle of a field");
            }
            int length = in.getInt();
            if (length < 0 || length > in.remaining()) {
                throw new IllegalArgumentException("a field's length " + length + " runs past the end");
            }
            byte[] field = new byte[length];
            in.get(field);
            return field;
        }
    }
}
