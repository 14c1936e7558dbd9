package org.disclosureledger.projections.investigation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.projections.integrity.LedgerNodes;
import org.disclosureledger.projections.integrity.LedgerStore;

/**
 * Writes an investigation's evidence bundle: one zip with the report, its SHA-256, the signed checkpoint it names,
 * the rulebook versions it used, and for every ledger entry of every disclosure in scope the entry's canonical
 * envelope and its inclusion proof against that checkpoint. Entries carry a fixed time, so the same report always
 * gives the same bytes. The layout is documented in {@code docs/investigations.md}.
 */
final class EvidenceBundle {

    static final String REPORT = "report.json";
    static final String REPORT_SHA256 = "report.sha256";
    static final String CHECKPOINT = "checkpoint.note";
    static final String RULEBOOKS = "rulebooks/";
    static final String ENTRIES = "entries/";

    private static final FileTime FIXED_TIME = FileTime.fromMillis(0);

    private final LedgerStore ledger;
    private final RulebookLibrary rulebooks;

    EvidenceBundle(LedgerStore ledger, RulebookLibrary rulebooks) {
        this.ledger = ledger;
        this.rulebooks = rulebooks;
    }

    void write(byte[] report, OutputStream out) throws IOException {
        JsonNode root = CanonicalJson.mapper().readTree(report);
        long treeSize = root.path("checkpoint").path("treeSize").asLong();
        String note = ledger.checkpoint(treeSize)
                .orElseThrow(() -> new IllegalStateException("no checkpoint at tree size " + treeSize))
                .signedNote();
        TreeSet<Long> indexes = new TreeSet<>();
        for (JsonNode disclosure : root.path("disclosures")) {
            for (JsonNode entry : disclosure.path("entries")) {
                indexes.add(entry.path("ledgerIndex").asLong());
            }
        }
        ZipOutputStream zip = new ZipOutputStream(out);
        put(zip, REPORT, report);
        put(zip, REPORT_SHA256, (CanonicalJson.sha256Hex(report) + "\n").getBytes(StandardCharsets.US_ASCII));
        put(zip, CHECKPOINT, note.getBytes(StandardCharsets.UTF_8));
        for (JsonNode used : root.path("rulebooks")) {
            String version = used.path("version").asText();
            Rulebook rulebook = rulebooks
                    .version(version)
                    .orElseThrow(() -> new IllegalStateException("rulebook version " + version + " is gone"));
            put(zip, RULEBOOKS + version + ".json", rulebook.canonicalJson());
        }
        MerkleTree tree = new MerkleTree(new LedgerNodes(ledger));
        for (long index : indexes) {
            byte[] envelope = ledger.envelope(index)
                    .orElseThrow(() -> new IllegalStateException("no ledger entry " + index))
                    .bytes();
            put(zip, ENTRIES + index + ".leaf", envelope);
            ByteArrayOutputStream proof = new ByteArrayOutputStream();
            for (Sha256Hash hash : tree.inclusionProof(index, treeSize)) {
                proof.writeBytes(hash.bytes());
            }
            put(zip, ENTRIES + index + ".proof", proof.toByteArray());
        }
        zip.finish();
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setLastModifiedTime(FIXED_TIME);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
