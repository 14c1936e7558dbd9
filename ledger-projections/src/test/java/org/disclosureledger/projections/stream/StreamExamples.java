package org.disclosureledger.projections.stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.axonframework.serialization.SerializedObject;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.disclosure.SuspensionLifted;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.eventstore.LedgerEventTypes;
import org.disclosureledger.projections.eventstore.LedgerSerializer;

/** Realistic disclosures, events and pseudonyms for the stream tests. */
final class StreamExamples {

    static final Instant AT = Instant.parse("2025-06-15T10:02:11.337Z");
    static final DisclosureId ID = new DisclosureId("ca-dhcs-2025-06-0001");
    static final String DISPUTE_STATEMENT = "I never agreed to this and want it undone.";

    private static final LedgerSerializer SERIALIZER = LedgerSerializer.create(LedgerEventTypes.standard(), List.of());

    private StreamExamples() {}

    /** California Medi-Cal data to ICE, by file. */
    static DisclosureDetails toIce() {
        return new DisclosureDetails(
                Instant.parse("2025-06-15T09:30:00Z"),
                new Custodian(new StateCode("CA"), "California Department of Health Care Services"),
                "medi-cal-eligibility-extract",
                "Chief Privacy Officer, DHCS",
                new Recipient(
                        new AgencyId("us-dhs-ice"),
                        "U.S. Immigration and Customs Enforcement",
                        "Enforcement and Removal Operations",
                        "500 12th St SW, Washington, DC 20536"),
                "CMS Office of the Administrator",
                new Purpose(PurposeOfUse.LAW, "Identification of enrollees for immigration enforcement"),
                new LegalAuthority(List.of("5 U.S.C. 552a(b)(7)"), "CMS-DHS information sharing agreement 2025-06"),
                List.of(DataCategory.NAME, DataCategory.SSN, DataCategory.ADDRESS, DataCategory.IMMIGRATION_STATUS),
                DisclosureMode.BULK_FILE,
                null,
                3);
    }

    /** The same disclosure as corrected: it went to HHS OIG for oversight, as query access, and held claims too. */
    static DisclosureDetails correctedToOig() {
        DisclosureDetails d = toIce();
        return new DisclosureDetails(
                d.occurredAt(),
                d.custodian(),
                d.disclosingSystem(),
                d.releasingOfficial(),
                new Recipient(
                        new AgencyId("us-hhs-oig"),
                        "HHS Office of Inspector General",
                        null,
                        "330 Independence Ave SW, Washington, DC 20201"),
                d.requester(),
                new Purpose(PurposeOfUse.OVERSIGHT, "Audit"),
                d.legalAuthority(),
                List.of(DataCategory.CLAIMS, DataCategory.NAME),
                DisclosureMode.QUERY_ACCESS,
                new AccessWindow(d.occurredAt(), d.occurredAt().plusSeconds(86_400), false),
                d.recordCount());
    }

    /** The correction that turns {@link #toIce()} into {@link #correctedToOig()}. */
    static DetailsCorrection toOig() {
        DisclosureDetails c = correctedToOig();
        return new DetailsCorrection(
                null,
                null,
                null,
                c.recipient(),
                null,
                c.purpose(),
                null,
                c.dataCategories(),
                c.mode(),
                c.accessWindow(),
                null,
                Set.of());
    }

    static Suspension sealedUntil() {
        return new Suspension(LocalDate.parse("2026-01-01"), "Court order 25-cv-01234 (N.D. Cal.), sealed");
    }

    /** A pseudonym derived from a label. */
    static PersonRef person(String label) {
        try {
            return new PersonRef(HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<PersonRef> people(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> person(prefix + "-" + i)).toList();
    }

    /**
     * An event as the relay hands it to the publisher: written by the event store's serializer, read back as JSON.
     */
    static StoredDisclosureEvent stored(String eventIdentifier, long sequenceNumber, Instant storedAt, Object payload) {
        SerializedObject<byte[]> bytes = SERIALIZER.serialize(payload, byte[].class);
        return new StoredDisclosureEvent(
                eventIdentifier,
                sequenceNumber,
                storedAt,
                StoredDisclosureEvent.kindOf(bytes.getType().getName()),
                StoredPayload.of(bytes.getData()));
    }

    /** The same stored event with its JSON changed, as if it had been stored so. */
    static StoredDisclosureEvent edited(StoredDisclosureEvent event, Consumer<ObjectNode> edit) {
        ObjectNode payload = (ObjectNode) event.payload().tree();
        edit.accept(payload);
        try {
            return new StoredDisclosureEvent(
                    event.eventIdentifier(),
                    event.sequenceNumber(),
                    event.storedAt(),
                    event.kind(),
                    StoredPayload.of(SERIALIZER.getObjectMapper().writeValueAsBytes(payload)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final String DIGEST = "8dc6a699445ea10a4030d1105025f3ada37f96fb68f8b5de0cd8f643ffaeeac0";

    /** One stored event of every kind, in an order a disclosure could have them. */
    static List<Object> oneOfEachKind() {
        FollowOnId request = new FollowOnId("destruction-1");
        return List.of(
                new DisclosureRecorded(ID, AT, toIce(), people("single", 2), sealedUntil(), DIGEST),
                new BulkDisclosureOpened(ID, AT, toIce(), null, DIGEST),
                new BulkSubjectsAttached(
                        ID,
                        1,
                        0,
                        people("bulk", 3),
                        "482e5271dbd7815d67c09f5f79d48b4c7f5a96c85045c7c8684eb17ab810744a",
                        AT),
                new BulkDisclosureSealed(
                        ID, 3, 1, "cff8d461faf6124b80a4bfaa89189fb99d0d4fdbb1d7ee1b632af924a648e4a3", AT),
                new DisclosureCorrected(
                        ID,
                        new FollowOnId("correction-1"),
                        List.of(
                                CorrectableField.RECIPIENT,
                                CorrectableField.PURPOSE,
                                CorrectableField.DATA_CATEGORIES,
                                CorrectableField.MODE,
                                CorrectableField.ACCESS_WINDOW),
                        toIce(),
                        correctedToOig(),
                        "Sent to the wrong agency in the record",
                        AT,
                        DIGEST),
                new DisclosureDisputed(
                        ID, new FollowOnId("dispute-1"), person("disputer"), DISPUTE_STATEMENT, AT, DIGEST),
                new DestructionRequested(
                        ID,
                        request,
                        "Attorney General of California",
                        "Preliminary injunction",
                        LocalDate.parse("2025-09-30"),
                        AT,
                        DIGEST),
                new DestructionCertified(
                        ID,
                        new FollowOnId("certificate-1"),
                        request,
                        "ICE Records Officer",
                        Instant.parse("2025-06-30T17:00:00Z"),
                        "NIST SP 800-88 purge",
                        AT,
                        DIGEST),
                new SuspensionLifted(ID, new FollowOnId("lift-1"), "Order vacating the seal", "Concluded", AT, DIGEST),
                new DisclosureFlagged(
                        ID,
                        null,
                        "us-medicaid-disclosures-sample",
                        "2025.2",
                        "3b1f0c2a9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a",
                        AT,
                        List.of(new Finding(
                                "ca-v-hhs-preliminary-injunction",
                                Severity.VIOLATION,
                                "The order \"Preliminary injunction\" applied on 2025-06-15: it bars name from CA"))));
    }
}
