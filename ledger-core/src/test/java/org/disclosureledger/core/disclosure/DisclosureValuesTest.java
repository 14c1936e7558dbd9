package org.disclosureledger.core.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.disclosureledger.core.disclosure.Examples.correction;
import static org.disclosureledger.core.disclosure.Examples.details;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.disclosureledger.core.shared.InvalidValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The disclosure's values validate themselves and say which field is wrong. */
class DisclosureValuesTest {

    private static final Instant OPENS = Instant.parse("2025-06-01T00:00:00Z");
    private static final LocalDate DATE = LocalDate.parse("2025-12-31");

    static Stream<Arguments> valid() {
        return Stream.of(
                argumentSet("disclosure id of one character", call(() -> new DisclosureId("a"))),
                argumentSet(
                        "disclosure id with every allowed sign", call(() -> new DisclosureId("CMS:2025.06_ca-0001"))),
                argumentSet("disclosure id of 100 characters", call(() -> new DisclosureId("d".repeat(100)))),
                argumentSet("follow-on id", call(() -> new FollowOnId("correction-1"))),
                argumentSet("follow-on id of 100 characters", call(() -> new FollowOnId("f".repeat(100)))),
                argumentSet("purpose of 1000 characters", call(() -> new Purpose(PurposeOfUse.LAW, "p".repeat(1000)))),
                argumentSet("purpose over several lines", call(() -> new Purpose(PurposeOfUse.LAW, "one\ntwo\tthree"))),
                argumentSet(
                        "legal authority by citation", call(() -> new LegalAuthority(List.of("42 CFR 431.302"), null))),
                argumentSet("legal authority by document", call(() -> new LegalAuthority(null, "MOU 2025-14"))),
                argumentSet("legal authority of 20 citations", call(() -> new LegalAuthority(citations(20), null))),
                argumentSet(
                        "access window of one second",
                        call(() -> new AccessWindow(OPENS, OPENS.plusSeconds(1), false))),
                argumentSet("suspension", call(() -> new Suspension(DATE, "Order of the court"))),
                argumentSet(
                        "details with an immutable list of categories",
                        call(() -> details()
                                .dataCategories(List.of(DataCategory.SSN, DataCategory.NAME))
                                .build())),
                argumentSet(
                        "details without requester or access window",
                        call(() -> details().requester(null).accessWindow(null).build())),
                argumentSet(
                        "details with an access window",
                        call(() -> details()
                                .mode(DisclosureMode.QUERY_ACCESS)
                                .accessWindow(new AccessWindow(OPENS, OPENS.plusSeconds(3600), true))
                                .build())),
                argumentSet(
                        "details of a single record",
                        call(() -> details().recordCount(1).build())),
                argumentSet(
                        "correction of one field",
                        call(() -> correction().recordCount(4L).build())),
                argumentSet(
                        "correction of the categories",
                        call(() -> correction()
                                .dataCategories(List.of(DataCategory.SSN))
                                .build())));
    }

    @ParameterizedTest
    @MethodSource("valid")
    void validValuesAreAccepted(ThrowingCallable construction) {
        assertThatCode(construction).doesNotThrowAnyException();
    }

    static Stream<Arguments> invalidIds() {
        return Stream.of(
                argumentSet("no disclosure id", call(() -> new DisclosureId(null)), "disclosure id"),
                argumentSet("blank disclosure id", call(() -> new DisclosureId("  ")), "disclosure id"),
                argumentSet(
                        "disclosure id starting with a sign", call(() -> new DisclosureId("-0001")), "disclosure id"),
                argumentSet("disclosure id with a space", call(() -> new DisclosureId("ca 0001")), "disclosure id"),
                argumentSet("disclosure id with a slash", call(() -> new DisclosureId("ca/0001")), "disclosure id"),
                argumentSet(
                        "disclosure id of 101 characters",
                        call(() -> new DisclosureId("d".repeat(101))),
                        "disclosure id"),
                argumentSet("no follow-on id", call(() -> new FollowOnId(null)), "follow-on id"),
                argumentSet("empty follow-on id", call(() -> new FollowOnId("")), "follow-on id"),
                argumentSet("follow-on id starting with a sign", call(() -> new FollowOnId("_1")), "follow-on id"),
                argumentSet(
                        "follow-on id of 101 characters", call(() -> new FollowOnId("f".repeat(101))), "follow-on id"));
    }

    @ParameterizedTest
    @MethodSource("invalidIds")
    void invalidIdsAreRefusedSayingWhichId(ThrowingCallable construction, String name) {
        assertThatThrownBy(construction)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
    }

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                argumentSet("purpose without code", call(() -> new Purpose(null, "why")), "purpose.code"),
                argumentSet("purpose without text", call(() -> new Purpose(PurposeOfUse.LAW, null)), "purpose.text"),
                argumentSet("purpose with blank text", call(() -> new Purpose(PurposeOfUse.LAW, " ")), "purpose.text"),
                argumentSet(
                        "purpose text of 1001 characters",
                        call(() -> new Purpose(PurposeOfUse.LAW, "p".repeat(1001))),
                        "purpose.text"),
                argumentSet(
                        "purpose text with a control character",
                        call(() -> new Purpose(PurposeOfUse.LAW, "why\u0000")),
                        "purpose.text"),
                argumentSet(
                        "legal authority without basis",
                        call(() -> new LegalAuthority(List.of(), " ")),
                        "legalAuthority"),
                argumentSet(
                        "legal authority with a blank citation",
                        call(() -> new LegalAuthority(List.of("42 CFR 431.302", ""), null)),
                        "legalAuthority.citations[]"),
                argumentSet(
                        "legal authority with a null citation",
                        call(() -> new LegalAuthority(Arrays.asList("42 CFR 431.302", null), null)),
                        "legalAuthority.citations[]"),
                argumentSet(
                        "legal authority with a citation of 301 characters",
                        call(() -> new LegalAuthority(List.of("c".repeat(301)), null)),
                        "legalAuthority.citations[]"),
                argumentSet(
                        "legal authority of 21 citations",
                        call(() -> new LegalAuthority(citations(21), null)),
                        "legalAuthority.citations"),
                argumentSet(
                        "legal authority with a document reference of 501 characters",
                        call(() -> new LegalAuthority(null, "r".repeat(501))),
                        "legalAuthority.documentReference"),
                argumentSet(
                        "access window that never opens",
                        call(() -> new AccessWindow(null, OPENS, false)),
                        "accessWindow.opensAt"),
                argumentSet(
                        "access window that never closes",
                        call(() -> new AccessWindow(OPENS, null, false)),
                        "accessWindow.closesAt"),
                argumentSet(
                        "access window closing as it opens",
                        call(() -> new AccessWindow(OPENS, OPENS, false)),
                        "accessWindow.closesAt"),
                argumentSet(
                        "access window closing before it opens",
                        call(() -> new AccessWindow(OPENS, OPENS.minusSeconds(1), false)),
                        "accessWindow.closesAt"),
                argumentSet("suspension without date", call(() -> new Suspension(null, "Order")), "suspension.until"),
                argumentSet(
                        "suspension without authority", call(() -> new Suspension(DATE, null)), "suspension.authority"),
                argumentSet(
                        "suspension authority of 501 characters",
                        call(() -> new Suspension(DATE, "a".repeat(501))),
                        "suspension.authority"),
                argumentSet(
                        "details without occurredAt",
                        call(() -> details().occurredAt(null).build()),
                        "occurredAt"),
                argumentSet(
                        "details without custodian",
                        call(() -> details().custodian(null).build()),
                        "custodian"),
                argumentSet(
                        "details without disclosing system",
                        call(() -> details().disclosingSystem(" ").build()),
                        "disclosingSystem"),
                argumentSet(
                        "details with a releasing official of 201 characters",
                        call(() -> details().releasingOfficial("o".repeat(201)).build()),
                        "releasingOfficial"),
                argumentSet(
                        "details without recipient",
                        call(() -> details().recipient(null).build()),
                        "recipient"),
                argumentSet(
                        "details with a requester of 501 characters",
                        call(() -> details().requester("r".repeat(501)).build()),
                        "requester"),
                argumentSet(
                        "details without purpose",
                        call(() -> details().purpose(null).build()),
                        "purpose"),
                argumentSet(
                        "details without legal authority",
                        call(() -> details().legalAuthority(null).build()),
                        "legalAuthority"),
                argumentSet(
                        "details without categories",
                        call(() -> details().dataCategories(null).build()),
                        "dataCategories"),
                argumentSet(
                        "details with no category",
                        call(() -> details().dataCategories(List.of()).build()),
                        "dataCategories"),
                argumentSet(
                        "details with a null category",
                        call(() -> details()
                                .dataCategories(Arrays.asList(DataCategory.NAME, null))
                                .build()),
                        "dataCategories"),
                argumentSet(
                        "details naming a category twice",
                        call(() -> details()
                                .dataCategories(List.of(DataCategory.SSN, DataCategory.SSN))
                                .build()),
                        "dataCategories"),
                argumentSet(
                        "details without mode", call(() -> details().mode(null).build()), "mode"),
                argumentSet(
                        "details of no record",
                        call(() -> details().recordCount(0).build()),
                        "recordCount"),
                argumentSet(
                        "details of a negative record count",
                        call(() -> details().recordCount(-1).build()),
                        "recordCount"),
                argumentSet(
                        "correction with a null category",
                        call(() -> correction()
                                .dataCategories(Collections.singletonList(null))
                                .build()),
                        "dataCategories"));
    }

    @ParameterizedTest
    @MethodSource("invalidValues")
    void invalidValuesAreRefusedNamingTheField(ThrowingCallable construction, String field) {
        assertThatThrownBy(construction)
                .isInstanceOfSatisfying(
                        InvalidValue.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(field);
    }

    @Test
    void aCorrectionThatNamesNoFieldIsRefused() {
        assertThatThrownBy(() -> correction().build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one field");
    }

    @Test
    void detailsSortTheirCategoriesAndTrimTheirText() {
        DisclosureDetails d = details()
                .dataCategories(List.of(DataCategory.SSN, DataCategory.NAME, DataCategory.ADDRESS))
                .disclosingSystem("  CA-MEDS  ")
                .requester("   ")
                .build();

        assertThat(d.dataCategories()).containsExactly(DataCategory.NAME, DataCategory.ADDRESS, DataCategory.SSN);
        assertThat(d.disclosingSystem()).isEqualTo("CA-MEDS");
        assertThat(d.requester()).isNull();
    }

    @Test
    void detailsKeepTheirOwnCopyOfTheCategories() {
        List<DataCategory> categories = new ArrayList<>(List.of(DataCategory.NAME));
        DisclosureDetails d = details().dataCategories(categories).build();
        categories.add(DataCategory.SSN);

        assertThat(d.dataCategories()).containsExactly(DataCategory.NAME);
        assertThatThrownBy(() -> d.dataCategories().add(DataCategory.SSN))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void legalAuthorityWithoutCitationsHasAnEmptyList() {
        assertThat(new LegalAuthority(null, "MOU 2025-14").citations()).isEmpty();
    }

    @Test
    void aCorrectionNamesExactlyTheFieldsItSupplies() {
        DetailsCorrection c =
                correction().mode(DisclosureMode.API).requester("CMS").build();

        assertThat(c.fields()).containsExactlyInAnyOrder(CorrectableField.MODE, CorrectableField.REQUESTER);
    }

    @Test
    void aCorrectionLeavesTheCustodianAndEveryUnnamedFieldAsTheyWere() {
        DisclosureDetails current = details().build();

        DisclosureDetails corrected = correction().recordCount(9L).build().applyTo(current);

        assertThat(corrected).isEqualTo(details().recordCount(9).build());
    }

    private static List<String> citations(int count) {
        return Stream.iterate(1, i -> i + 1)
                .limit(count)
                .map(i -> "42 U.S.C. 1396a(a)(" + i + ")")
                .toList();
    }

    /** Lets a lambda that builds a value stand in a table row. */
    private static ThrowingCallable call(ThrowingCallable construction) {
        return construction;
    }
}
