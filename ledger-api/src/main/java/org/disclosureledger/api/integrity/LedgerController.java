package org.disclosureledger.api.integrity;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.disclosureledger.api.disclosure.Custodians;
import org.disclosureledger.api.problem.Forbidden;
import org.disclosureledger.api.problem.InvalidRequest;
import org.disclosureledger.api.problem.Problems;
import org.disclosureledger.api.security.LedgerUser;
import org.disclosureledger.api.security.Role;
import org.disclosureledger.api.security.Scopes;
import org.disclosureledger.core.checkpoint.NoteSigner;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.ledger.LeafEnvelope;
import org.disclosureledger.core.merkle.MerkleTree;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.shared.InvalidValue;
import org.disclosureledger.projections.integrity.LedgerNodes;
import org.disclosureledger.projections.integrity.LedgerStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a watchdog needs to check the ledger from outside, open to anyone: the newest signed checkpoint (a C2SP signed
 * note), any earlier one by tree size, the public key to pin, and RFC 9162 inclusion and consistency proofs. An
 * entry's envelope and leaf hash are for those the entry concerns ({@link #entry}). Hashes are lower-case hex.
 */
@RestController
@RequestMapping("/api/v1/ledger")
class LedgerController {

    private final LedgerStore store;
    private final NoteSigner signer;
    private final Custodians custodians;

    LedgerController(LedgerStore store, NoteSigner signer, Custodians custodians) {
        this.store = store;
        this.signer = signer;
        this.custodians = custodians;
    }

    /** The newest signed checkpoint, as the signed note text. */
    @GetMapping(path = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> latestCheckpoint() {
        return store.latestCheckpoint()
                .map(c -> ResponseEntity.ok(c.signedNote()))
                .orElseThrow(
                        () -> new NotYet("no checkpoint has been signed yet; the first follows the first entries"));
    }

    /** The checkpoint signed at exactly this tree size. */
    @GetMapping(path = "/checkpoints/{treeSize}", produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> checkpoint(@PathVariable long treeSize) {
        return store.checkpoint(treeSize)
                .map(c -> ResponseEntity.ok(c.signedNote()))
                .orElseThrow(() -> new NotYet("no checkpoint was signed at tree size " + treeSize));
    }

    /** The verifier key watchdogs pin: {@code <origin>+<key id>+<base64 public key>}. */
    @GetMapping(path = "/public-key", produces = MediaType.TEXT_PLAIN_VALUE)
    String publicKey() {
        return signer.verifierKey() + "\n";
    }

    /** One entry: its leaf hash and the envelope it was computed from, with the payload in base64. */
    record EntryView(long ledgerIndex, String leafHash, Envelope envelope) {}

    /** The envelope fields (see docs/integrity.md). */
    record Envelope(
            String eventIdentifier,
            String payloadType,
            String payloadRevision,
            String aggregateIdentifier,
            long sequenceNumber,
            String timestamp,
            String payloadBase64) {}

    @GetMapping(path = "/entries/{index}", produces = MediaType.APPLICATION_JSON_VALUE)
    EntryView entry(@AuthenticationPrincipal LedgerUser caller, @PathVariable long index) {
        byte[] leafHash = store.leafHash(index).orElseThrow(() -> new NotYet("no ledger entry has index " + index));
        LeafEnvelope e = store.envelope(index).orElseThrow(() -> new NotYet("no ledger entry has index " + index));
        requireMayRead(caller, e);
        return new EntryView(
                index,
                new Sha256Hash(leafHash).hex(),
                new Envelope(
                        e.eventIdentifier(),
                        e.payloadType(),
                        e.payloadRevision(),
                        e.aggregateIdentifier(),
                        e.sequenceNumber(),
                        e.timestamp(),
                        Base64.getEncoder().encodeToString(e.payload())));
    }

    /**
     * An entry's content names people (by reference) and a custodian: an enrollee reads only entries that name
     * them, and not those of a disclosure withheld from its subjects for now (the same refusal either way, so that
     * it does not tell them they are in it); an auditor only disclosures of their states; a regulator or an admin
     * reads any.
     */
    private void requireMayRead(LedgerUser caller, LeafEnvelope entry) {
        if (caller.has(Role.REGULATOR) || caller.has(Role.ADMIN)) {
            return;
        }
        if (caller.has(Role.ENROLLEE)) {
            String payload = new String(entry.payload(), StandardCharsets.UTF_8);
            if (!payload.contains("\"" + caller.person().value() + "\"") || withheldFromSubjects(entry)) {
                throw new Forbidden("this ledger entry is not one you may read: it is not about you, or it is of a"
                        + " disclosure withheld from the people it names for now");
            }
            return;
        }
        Optional<StateCode> custodian;
        try {
            custodian = custodians.of(new DisclosureId(entry.aggregateIdentifier()));
        } catch (IllegalArgumentException notADisclosure) {
            custodian = Optional.empty();
        }
        if (custodian.isEmpty()) {
            throw new Forbidden("this ledger entry is not a disclosure of a state in your scope");
        }
        Scopes.requireState(caller, custodian.get(), "entry's disclosure");
    }

    private boolean withheldFromSubjects(LeafEnvelope entry) {
        try {
            return custodians.withheldFromSubjects(new DisclosureId(entry.aggregateIdentifier()));
        } catch (IllegalArgumentException notADisclosure) {
            return false;
        }
    }

    /** An inclusion proof: the sibling hashes from the leaf up, nearest first. */
    record InclusionProofView(long index, long treeSize, String leafHash, String rootHash, List<String> proof) {}

    @GetMapping(path = "/proofs/inclusion", produces = MediaType.APPLICATION_JSON_VALUE)
    InclusionProofView inclusionProof(@RequestParam long index, @RequestParam long treeSize) {
        MerkleTree tree = tree(treeSize, "treeSize");
        byte[] leafHash = store.leafHash(index)
                .orElseThrow(
                        () -> new InvalidRequest("index", "index " + index + " is not in a tree of size " + treeSize));
        List<Sha256Hash> proof = proof(() -> tree.inclusionProof(index, treeSize));
        return new InclusionProofView(
                index,
                treeSize,
                new Sha256Hash(leafHash).hex(),
                tree.rootHash(treeSize).hex(),
                proof.stream().map(Sha256Hash::hex).toList());
    }

    /** A consistency proof from the tree of size {@code from} to the tree of size {@code to}. */
    record ConsistencyProofView(long from, long to, String fromRootHash, String toRootHash, List<String> proof) {}

    @GetMapping(path = "/proofs/consistency", produces = MediaType.APPLICATION_JSON_VALUE)
    ConsistencyProofView consistencyProof(@RequestParam long from, @RequestParam long to) {
        MerkleTree tree = tree(to, "to");
        if (from < 1 || from > to) {
            throw new InvalidRequest("from", "from must be between 1 and to (" + to + ")");
        }
        List<Sha256Hash> proof = proof(() -> tree.consistencyProof(from, to));
        return new ConsistencyProofView(
                from,
                to,
                tree.rootHash(from).hex(),
                tree.rootHash(to).hex(),
                proof.stream().map(Sha256Hash::hex).toList());
    }

    @ExceptionHandler(NotYet.class)
    ProblemDetail notYet(NotYet e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-in-ledger", "Not in the ledger", e.getMessage());
    }

    private MerkleTree tree(long treeSize, String field) {
        LedgerNodes nodes = new LedgerNodes(store);
        if (treeSize < 1 || treeSize > nodes.treeSize()) {
            throw new InvalidRequest(
                    field, field + " must be between 1 and the ledger's size (" + nodes.treeSize() + ")");
        }
        return new MerkleTree(nodes);
    }

    private static List<Sha256Hash> proof(java.util.function.Supplier<List<Sha256Hash>> build) {
        try {
            return build.get();
        } catch (InvalidValue e) {
            throw new InvalidRequest(e.field(), e.getMessage());
        }
    }

    /** Something a caller asked for that the ledger does not hold (yet). */
    static final class NotYet extends RuntimeException {
        NotYet(String message) {
            super(message);
        }
    }
}
