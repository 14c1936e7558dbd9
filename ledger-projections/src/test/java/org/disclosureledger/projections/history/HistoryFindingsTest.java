package org.disclosureledger.projections.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.disclosureledger.projections.history.HistoryEvents.corrected;
import static org.disclosureledger.projections.history.HistoryEvents.recorded;
import static org.disclosureledger.projections.history.HistoryExamples.NOW;
import static org.disclosureledger.projections.history.HistoryExamples.madeQueryAccess;
import static org.disclosureledger.projections.history.HistoryExamples.person;
import static org.disclosureledger.projections.history.HistoryExamples.toIce;

import java.time.Instant;
import java.util.List;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An entry of the person history shows what the rulebook found about its disclosure, as last judged. */
class HistoryFindingsTest {

    static final Instant JUNE_15 = Instant.parse("2025-06-15T09:30:00Z");
    static final String SHA = "ab".repeat(32);
    static final Finding PURPOSE = new Finding(
            "cfr-42-431-302",
            Severity.CONCERN,
            "The stated purpose LAW is not" + " among the purposes 42 CFR 431.302 permits.");
    static final Finding ORDER =
            new Finding("ca-v-hhs-preliminary-injunction", Severity.VIOLATION, "The order" + " barred it.");

    static ProjectionFixture history;

    final PersonRef ana = person("ana");

    @BeforeAll
    static void database() {
        history = ProjectionFixture.onFreshDatabase();
    }

    @AfterAll
    static void closeDatabase() {
        history.close();
    }

    @BeforeEach
    void emptyTables() {
        history.reset();
        history.clock.set(NOW);
    }

    @Test
    void anUnflaggedDisclosureHasNoJudgement() {
        history.handle(recorded("ca-1", toIce(JUNE_15), null, ana));

        assertThat(((VisibleEntry) history.onlyEntryOf(ana)).judgement()).isNull();
    }

    @Test
    void aFlaggedDisclosureShowsItsFindingsAndTheRulebookThatJudgedIt() {
        history.handle(recorded("ca-1", toIce(JUNE_15), null, ana), flagged("ca-1", null, PURPOSE, ORDER));

        Judgement judgement = ((VisibleEntry) history.onlyEntryOf(ana)).judgement();

        assertThat(judgement.findings()).containsExactly(PURPOSE, ORDER);
        assertThat(judgement.rulebookName()).isEqualTo("us-medicaid-disclosures-sample");
        assertThat(judgement.rulebookVersion()).isEqualTo("2025.1");
        assertThat(judgement.rulebookSha256()).isEqualTo(SHA);
        assertThat(judgement.judgedAt()).isEqualTo(JUNE_15);
    }

    @Test
    void aCorrectionWithNothingLeftToFindClearsTheFindings() {
        DisclosureDetails original = toIce(JUNE_15);
        history.handle(
                recorded("ca-1", original, null, ana),
                flagged("ca-1", null, PURPOSE),
                corrected("ca-1", "correction-1", original, madeQueryAccess(), NOW));

        assertThat(((VisibleEntry) history.onlyEntryOf(ana)).judgement()).isNull();
    }

    @Test
    void aCorrectionJudgedAgainShowsOnlyTheNewFindings() {
        DisclosureDetails original = toIce(JUNE_15);
        history.handle(
                recorded("ca-1", original, null, ana),
                flagged("ca-1", null, PURPOSE, ORDER),
                corrected("ca-1", "correction-1", original, madeQueryAccess(), NOW),
                flagged("ca-1", "correction-1", ORDER));

        assertThat(((VisibleEntry) history.onlyEntryOf(ana)).judgement().findings())
                .containsExactly(ORDER);
    }

    @Test
    void aRedeliveredOlderJudgementDoesNotReplaceANewerOne() {
        DisclosureDetails original = toIce(JUNE_15);
        DisclosureFlagged first = flagged("ca-1", null, PURPOSE, ORDER);
        history.handle(
                recorded("ca-1", original, null, ana),
                first,
                corrected("ca-1", "correction-1", original, madeQueryAccess(), NOW),
                flagged("ca-1", "correction-1", ORDER));

        history.handleAgain(first, 1);

        assertThat(((VisibleEntry) history.onlyEntryOf(ana)).judgement().findings())
                .containsExactly(ORDER);
    }

    @Test
    void aJudgementRedeliveredAfterACorrectionClearedItDoesNotComeBack() {
        DisclosureDetails original = toIce(JUNE_15);
        DisclosureFlagged first = flagged("ca-1", null, PURPOSE, ORDER);
        history.handle(
                recorded("ca-1", original, null, ana),
                first,
                corrected("ca-1", "correction-1", original, madeQueryAccess(), NOW));

        history.handleAgain(first, 1);

        assertThat(((VisibleEntry) history.onlyEntryOf(ana)).judgement()).isNull();
    }

    private static DisclosureFlagged flagged(String id, String correctionId, Finding... findings) {
        return new DisclosureFlagged(
                new DisclosureId(id),
                correctionId == null ? null : new FollowOnId(correctionId),
                "us-medicaid-disclosures-sample",
                "2025.1",
                SHA,
                JUNE_15,
                List.of(findings));
    }
}
