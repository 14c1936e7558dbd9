package org.disclosureledger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.projections.history.HistoryEvents.attached;
import static org.disclosureledger.projections.history.HistoryEvents.opened;
import static org.disclosureledger.projections.history.HistoryEvents.sealed;
import static org.disclosureledger.projections.history.HistoryExamples.people;
import static org.disclosureledger.projections.history.HistoryExamples.person;
import static org.disclosureledger.projections.history.HistoryExamples.sealedUntil;
import static org.disclosureledger.projections.history.HistoryExamples.toIce;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.merkle.InclusionProofFailure;
import org.disclosureledger.core.merkle.MerkleFrontier;
import org.disclosureledger.core.merkle.MerkleHash;
import org.disclosureledger.core.merkle.ProofVerifier;
import org.disclosureledger.core.merkle.Sha256Hash;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Membership proofs of bulk manifests, read from the person-history tables the projection fills, each checked with
 * ledger-core's verifier against the manifest root computed independently (the aggregate's frontier).
 */
class MembershipProofsTest {

    private static final Instant OCCURRED = Instant.parse("2025-06-15T09:30:00Z");

    static ProjectionFixture history;
    static MembershipProofs proofs;

    @BeforeAll
    static void database() {
        history = ProjectionFixture.onFreshDatabase();
        proofs = new MembershipProofs(history.jdbc, history.clock);
    }

    @AfterAll
    static void closeDatabase() {
        history.close();
    }

    @BeforeEach
    void emptyTables() {
        history.reset();
    }

    static Stream<Arguments> manifests() {
        return Stream.of(
                Arguments.of(Named.of("one subject", 1), 1),
                Arguments.of(Named.of("one block less one, in chunks of 100", 1023), 100),
                Arguments.of(Named.of("exactly one block, in one chunk", 1024), 1024),
                Arguments.of(Named.of("one block and one, in chunks of 700", 1025), 700),
                Arguments.of(Named.of("five blocks and a part, in chunks of 1,500", 5 * 1024 + 333), 1500),
                Arguments.of(Named.of("eight blocks exactly, in chunks of 1,000", 8 * 1024), 1000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifests")
    void givenSealedManifest_whenEverySampledSubjectAsks_thenEachProofVerifiesAgainstTheSealedRoot(
            int size, int chunk) {
        List<PersonRef> subjects = people("m" + size, size);
        String root = record("bulk-" + size, subjects, chunk);

        for (int index : sample(size)) {
            MembershipAnswer answer = proofs.prove(new DisclosureId("bulk-" + size), subjects.get(index));

            assertThat(answer).isInstanceOf(MembershipAnswer.Proven.class);
            MembershipProof proof = ((MembershipAnswer.Proven) answer).proof();
            assertThat(proof.leafIndex()).isEqualTo(index);
            assertThat(proof.treeSize()).isEqualTo(size);
            assertThat(proof.manifestRoot().hex()).isEqualTo(root);
            ProofVerifier.verifyInclusion(
                    proof.leafHash(),
                    proof.leafIndex(),
                    proof.treeSize(),
                    proof.inclusionProof(),
                    proof.manifestRoot());
        }
    }

    @Test
    void aProofDoesNotShowAnotherSubjectAtThatPlace() {
        List<PersonRef> subjects = people("swap", 2000);
        record("bulk-swap", subjects, 600);
        MembershipProof proof =
                ((MembershipAnswer.Proven) proofs.prove(new DisclosureId("bulk-swap"), subjects.get(1500))).proof();

        Sha256Hash otherLeaf = new Sha256Hash(MerkleHash.leaf(subjects.get(1501).bytes()));

        assertThatThrownBy(() -> ProofVerifier.verifyInclusion(
                        otherLeaf, proof.leafIndex(), proof.treeSize(), proof.inclusionProof(), proof.manifestRoot()))
                .isInstanceOf(InclusionProofFailure.class);
    }

    @Test
    void aPersonNotInTheManifestGetsNoProof() {
        record("bulk-others", people("others", 50), 20);

        assertThat(proofs.prove(new DisclosureId("bulk-others"), person("outsider")))
                .isInstanceOf(MembershipAnswer.NotInManifest.class);
    }

    @Test
    void anOpenManifestHasNothingToProveAgainst() {
        List<PersonRef> subjects = people("open", 10);
        history.handle(opened("bulk-open", toIce(OCCURRED), null), attached("bulk-open", 1, 0, subjects));

        assertThat(proofs.prove(new DisclosureId("bulk-open"), subjects.get(0)))
                .isInstanceOf(MembershipAnswer.NotSealed.class);
    }

    @Test
    void anUnknownDisclosureIsSaidToBeUnknown() {
        assertThat(proofs.prove(new DisclosureId("never-recorded"), person("anyone")))
                .isInstanceOf(MembershipAnswer.UnknownBulkDisclosure.class);
    }

    @Test
    void aSuspendedManifestAnswersTheSameForMembersAndOthers() {
        List<PersonRef> subjects = people("hold", 10);
        history.handle(
                opened("bulk-hold", toIce(OCCURRED), sealedUntil("2099-01-01")),
                attached("bulk-hold", 1, 0, subjects),
                sealed("bulk-hold", 10, 1));

        MembershipAnswer member = proofs.prove(new DisclosureId("bulk-hold"), subjects.get(3));
        MembershipAnswer outsider = proofs.prove(new DisclosureId("bulk-hold"), person("outsider"));

        assertThat(member).isInstanceOf(MembershipAnswer.Withheld.class).isEqualTo(outsider);
    }

    @Test
    void chunksHandedTwiceLeaveTheSameBlocks() {
        List<PersonRef> subjects = people("twice", 3000);
        history.handle(opened("bulk-twice", toIce(OCCURRED), null));
        for (int first = 0; first < subjects.size(); first += 700) {
            int end = Math.min(subjects.size(), first + 700);
            var chunk = attached("bulk-twice", first / 700 + 1, first, subjects.subList(first, end));
            history.handleTwice(chunk);
        }
        history.handle(sealedWithRoot("bulk-twice", 3000, 5, rootOf(subjects)));

        MembershipProof proof =
                ((MembershipAnswer.Proven) proofs.prove(new DisclosureId("bulk-twice"), subjects.get(2999))).proof();
        ProofVerifier.verifyInclusion(
                proof.leafHash(), proof.leafIndex(), proof.treeSize(), proof.inclusionProof(), proof.manifestRoot());
        assertThat(proof.manifestRoot().hex()).isEqualTo(rootOf(subjects));
    }

    /** Opens, attaches in chunks and seals a manifest; returns its root as the aggregate computes it. */
    private static String record(String id, List<PersonRef> subjects, int chunk) {
        history.handle(opened(id, toIce(OCCURRED), null));
        int chunks = 0;
        for (int first = 0; first < subjects.size(); first += chunk) {
            chunks++;
            history.handle(
                    attached(id, chunks, first, subjects.subList(first, Math.min(subjects.size(), first + chunk))));
        }
        String root = rootOf(subjects);
        history.handle(sealedWithRoot(id, subjects.size(), chunks, root));
        return root;
    }

    private static BulkDisclosureSealed sealedWithRoot(String id, long count, int chunks, String root) {
        return new BulkDisclosureSealed(new DisclosureId(id), count, chunks, root, OCCURRED.plusSeconds(3600));
    }

    private static String rootOf(List<PersonRef> subjects) {
        return MerkleFrontier.empty()
                .append(subjects.stream().map(PersonRef::bytes).toList())
                .rootHash();
    }

    /** The first, last and block-boundary subjects, and a spread between. */
    private static List<Integer> sample(int size) {
        return Stream.of(0, 1, 511, 1022, 1023, 1024, 1025, 2047, 2048, size / 2, size - 2, size - 1)
                .filter(i -> i >= 0 && i < size)
                .distinct()
                .toList();
    }
}
