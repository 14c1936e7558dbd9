package org.disclosureledger.watchdog.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.disclosureledger.core.checkpoint.Checkpoint;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.ledger.LeafEnvelope;
import org.disclosureledger.core.merkle.InMemoryMerkleNodes;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;

/**
 * A small, valid evidence bundle built from the core's own Merkle and note code, laid out as
 * {@code docs/investigations.md} describes: six ledger entries, of which the report covers entries 1, 3 and 4
 * (disclosure {@code d-1}, recorded, corrected, then disputed) and 2 (disclosure {@code d-2}); entries 0 and 5 are out
 * of scope.
 */
final class BundleFixture {

    static final String ORIGIN = "ledger.test/disclosures";
    static final NoteSigner SIGNER = NoteSigner.fromSeed(ORIGIN, new byte[32]);
    static final NoteSigner OTHER_SIGNER = NoteSigner.fromSeed(ORIGIN, filled(7));

    private static final ObjectMapper JSON = new ObjectMapper();

    private BundleFixture() {}

    /** The bundle's files by name. */
    static Map<String, byte[]> files() {
        ObjectNode firstDetails = details("[\"NAME\",\"ADDRESS\"]");
        ObjectNode correctedDetails = details("[\"NAME\",\"ADDRESS\",\"SSN\"]");
        List<LeafEnvelope> envelopes = List.of(
                envelope(0, 0, "DisclosureRecorded", "other", recorded("other", details("[\"CLAIMS\"]"), "aa")),
                envelope(1, 0, "DisclosureRecorded", "d-1", recorded("d-1", firstDetails, "bb", "cc")),
                envelope(2, 0, "DisclosureRecorded", "d-2", recorded("d-2", firstDetails, "dd")),
                envelope(3, 1, "DisclosureCorrected", "d-1", corrected("d-1", firstDetails, correctedDetails)),
                envelope(4, 2, "DisclosureDisputed", "d-1", "{\"disclosureId\":\"d-1\"}"),
                envelope(5, 1, "DisclosureDisputed", "other", "{\"disclosureId\":\"other\"}"));
        InMemoryMerkleNodes nodes = new InMemoryMerkleNodes();
        envelopes.forEach(e -> nodes.append(e.bytes()));
        MerkleTree tree = new MerkleTree(nodes);
        Sha256Hash root = tree.rootHash(envelopes.size());
        String note = SIGNER.sign(new Checkpoint(ORIGIN, envelopes.size(), root));
        byte[] rulebook = "{\"version\":\"2025.1\"}".getBytes(StandardCharsets.UTF_8);

        ObjectNode report = JSON.createObjectNode();
        report.put("format", "disclosure-ledger-investigation-v1");
        report.putObject("checkpoint").put("treeSize", envelopes.size()).put("rootHash", root.hex());
        report.putArray("rulebooks")
                .addObject()
                .put("name", "test-rulebook")
                .put("version", "2025.1")
                .put("sha256", BundleVerifier.sha256Hex(rulebook));
        report.putObject("counts").put("disclosures", 2).put("affectedSubjects", 3);
        ArrayNode disclosures = report.putArray("disclosures");
        ObjectNode d1 = disclosures.addObject().put("disclosureId", "d-1");
        d1.set("details", correctedDetails);
        d1.put("subjectCount", 2).put("corrections", 1);
        d1.putArray("entries")
                .add(entry(1, "DisclosureRecorded"))
                .add(entry(3, "DisclosureCorrected"))
                .add(entry(4, "DisclosureDisputed"));
        ObjectNode d2 = disclosures.addObject().put("disclosureId", "d-2");
        d2.set("details", firstDetails);
        d2.put("subjectCount", 1).put("corrections", 0);
        d2.putArray("entries").add(entry(2, "DisclosureRecorded"));
        byte[] reportBytes = write(report);

        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("report.json", reportBytes);
        files.put("report.sha256", (BundleVerifier.sha256Hex(reportBytes) + "\n").getBytes(StandardCharsets.US_ASCII));
        files.put("checkpoint.note", note.getBytes(StandardCharsets.UTF_8));
        files.put("rulebooks/2025.1.json", rulebook);
        for (long index : List.of(1L, 2L, 3L, 4L)) {
            files.put("entries/" + index + ".leaf", envelopes.get((int) index).bytes());
            ByteArrayOutputStream proof = new ByteArrayOutputStream();
            tree.inclusionProof(index, envelopes.size()).forEach(h -> proof.writeBytes(h.bytes()));
            files.put("entries/" + index + ".proof", proof.toByteArray());
        }
        return files;
    }

    /**
     * The report with changes, re-hashed so that only the evidence can contradict it: each pair of arguments replaces
     * the first text with the second.
     */
    static Map<String, byte[]> withForgedReport(String... fromTo) {
        Map<String, byte[]> files = files();
        String report = new String(files.get("report.json"), StandardCharsets.UTF_8);
        for (int i = 0; i < fromTo.length; i += 2) {
            if (!report.contains(fromTo[i])) {
                throw new IllegalArgumentException("the report has no " + fromTo[i]);
            }
            report = report.replace(fromTo[i], fromTo[i + 1]);
        }
        byte[] forged = report.getBytes(StandardCharsets.UTF_8);
        files.put("report.json", forged);
        files.put("report.sha256", BundleVerifier.sha256Hex(forged).getBytes(StandardCharsets.US_ASCII));
        return files;
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static ObjectNode entry(long index, String type) {
        return JSON.createObjectNode().put("ledgerIndex", index).put("type", type);
    }

    private static ObjectNode details(String categories) {
        try {
            ObjectNode details = JSON.createObjectNode();
            details.put("occurredAt", "2025-09-01T10:00:00Z");
            details.putObject("custodian").put("state", "CA").put("agencyName", "State Medicaid agency");
            details.putObject("recipient").put("agencyId", "us-dhs-ice");
            details.set("dataCategories", JSON.readTree(categories));
            details.put("recordCount", 2);
            return details;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String recorded(String id, ObjectNode details, String... subjects) {
        ObjectNode event = JSON.createObjectNode().put("disclosureId", id);
        event.set("details", details);
        ArrayNode refs = event.putArray("subjects");
        for (String subject : subjects) {
            refs.add(subject.repeat(32));
        }
        return new String(write(event), StandardCharsets.UTF_8);
    }

    private static String corrected(String id, ObjectNode superseded, ObjectNode corrected) {
        ObjectNode event = JSON.createObjectNode().put("disclosureId", id);
        event.set("superseded", superseded);
        event.set("corrected", corrected);
        return new String(write(event), StandardCharsets.UTF_8);
    }

    /** The envelope of ledger entry {@code index}, event {@code sequence} of its disclosure (counted from 0). */
    private static LeafEnvelope envelope(long index, long sequence, String type, String aggregate, String payload) {
        return new LeafEnvelope(
                "event-" + index,
                type,
                "1",
                aggregate,
                sequence,
                "2025-09-01T10:00:0" + index + "Z",
                payload.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] filled(int value) {
        byte[] seed = new byte[32];
        java.util.Arrays.fill(seed, (byte) value);
        return seed;
    }
}
