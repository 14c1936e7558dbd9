package org.disclosureledger.api.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.junit.jupiter.api.Test;

/** The FHIR R4 export, read back with HAPI's own JSON parser. */
class FhirAuditExportTest {

    private static final FhirContext FHIR = FhirContext.forR4();

    private final FhirAuditExport export = new FhirAuditExport();

    @Test
    void givenADisclosure_whenExported_thenItIsOneBalpPhiExportAuditEventInACollectionBundle() {
        Bundle bundle = parse(Histories.of(Histories.plain(
                "ca-2025-0002", Histories.details("U.S. Immigration and Customs Enforcement", PurposeOfUse.LAW))));

        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
        assertThat(bundle.getTimestamp().toInstant()).isEqualTo(Histories.GENERATED_AT);
        assertThat(bundle.getEntry()).hasSize(1);
        assertThat(bundle.getEntryFirstRep().getFullUrl()).startsWith("urn:uuid:");
        AuditEvent event = (AuditEvent) bundle.getEntryFirstRep().getResource();
        assertThat(coding(event.getType())).isEqualTo(tuple("http://dicom.nema.org/resources/ontology/DCM", "110106"));
        assertThat(event.getSubtype())
                .extracting(FhirAuditExportTest::coding)
                .containsExactly(tuple("http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle", "disclose"));
        assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R);
        assertThat(event.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
        assertThat(event.getRecorded().toInstant()).hasToString("2025-06-10T15:00:05Z");
        assertThat(event.getPeriod().getStart().toInstant()).hasToString("2025-06-10T15:00:00Z");
        assertThat(event.getPurposeOfEventFirstRep().getCoding())
                .extracting(FhirAuditExportTest::coding)
                .containsExactly(tuple("http://healthit.gov/nhin/purposeofuse", "LAW"));
        assertThat(event.getPurposeOfEventFirstRep().getText())
                .isEqualTo("Locating individuals for immigration enforcement");
        assertThat(event.getSource().getObserver().getDisplay()).isEqualTo("cms-t-msis");
    }

    @Test
    void givenADisclosure_whenExported_thenItsAgentsAreTheSourceTheRecipientWithItsAddressAndTheCustodian() {
        AuditEvent event = onlyEvent(Histories.of(Histories.plain(
                "ca-2025-0002", Histories.details("U.S. Immigration and Customs Enforcement", PurposeOfUse.LAW))));

        assertThat(event.getAgent())
                .extracting(agent -> coding(agent.getType().getCodingFirstRep()))
                .containsExactly(
                        tuple("http://dicom.nema.org/resources/ontology/DCM", "110153"),
                        tuple("http://dicom.nema.org/resources/ontology/DCM", "110152"),
                        tuple("http://snomed.info/sct", "159541003"));
        AuditEvent.AuditEventAgentComponent source = event.getAgent().get(0);
        assertThat(source.getWho().getIdentifier().getValue()).isEqualTo("cms-t-msis");
        assertThat(source.getWho().getIdentifier().getValue())
                .isEqualTo(event.getSource().getObserver().getIdentifier().getValue());

        Organization component =
                contained(event, event.getAgent().get(1).getWho().getReference());
        assertThat(component.getName()).isEqualTo("Enforcement and Removal Operations");
        assertThat(component.getAddressFirstRep().getText()).isEqualTo("500 12th St SW, Washington, DC 20536");
        Organization agency = contained(event, component.getPartOf().getReference());
        assertThat(agency.getName()).isEqualTo("U.S. Immigration and Customs Enforcement");
        assertThat(agency.getIdentifierFirstRep().getSystem()).isEqualTo(FhirAuditExport.AGENCY_ID_SYSTEM);
        assertThat(agency.getIdentifierFirstRep().getValue()).isEqualTo("us-dhs-ice");

        Organization custodian =
                contained(event, event.getAgent().get(2).getWho().getReference());
        assertThat(custodian.getName()).isEqualTo("California Department of Health Care Services");
        assertThat(custodian.getAddressFirstRep().getState()).isEqualTo("CA");
        assertThat(event.getAgent().get(2).getName()).isEqualTo("Deputy Administrator");
    }

    @Test
    void givenADisclosure_whenExported_thenItsEntitiesAreThePatientByPseudonymAndTheDataDisclosed() {
        AuditEvent event = onlyEvent(Histories.of(Histories.plain(
                "ca-2025-0002", Histories.details("U.S. Immigration and Customs Enforcement", PurposeOfUse.LAW))));

        assertThat(event.getEntity()).hasSize(2);
        AuditEvent.AuditEventEntityComponent patient = event.getEntity().get(0);
        assertThat(coding(patient.getType()))
                .isEqualTo(tuple("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1"));
        assertThat(coding(patient.getRole()))
                .isEqualTo(tuple("http://terminology.hl7.org/CodeSystem/object-role", "1"));
        assertThat(patient.getWhat().getType()).isEqualTo("Patient");
        assertThat(patient.getWhat().getIdentifier().getSystem()).isEqualTo("urn:disclosure-ledger:person-ref");
        assertThat(patient.getWhat().getIdentifier().getValue()).isEqualTo(Histories.PERSON.value());

        AuditEvent.AuditEventEntityComponent data = event.getEntity().get(1);
        assertThat(coding(data.getType()))
                .isEqualTo(tuple("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2"));
        assertThat(data.getWhat().getIdentifier().getValue()).isEqualTo("ca-2025-0002");
        assertThat(data.getDetail())
                .extracting(d -> tuple(d.getType(), d.getValue().primitiveValue()))
                .contains(
                        tuple("dataCategory", "NAME"),
                        tuple("dataCategory", "ADDRESS"),
                        tuple("dataCategory", "IMMIGRATION_STATUS"),
                        tuple("recordCount", "2"),
                        tuple("legalAuthority.citation", "5 U.S.C. 552a(b)(7)"),
                        tuple("requester", "Office of the Director, ICE"));
    }

    @Test
    void givenAPurposeWithAV3Equivalent_whenExported_thenBothCodingsAreGiven() {
        AuditEvent event = onlyEvent(Histories.of(Histories.plain(
                "ca-2025-0003", Histories.details("Centers for Medicare & Medicaid Services", PurposeOfUse.PAYMENT))));

        assertThat(event.getPurposeOfEventFirstRep().getCoding())
                .extracting(FhirAuditExportTest::coding)
                .containsExactly(
                        tuple("http://healthit.gov/nhin/purposeofuse", "PAYMENT"),
                        tuple("http://terminology.hl7.org/CodeSystem/v3-ActReason", "HPAYMT"));
    }

    @Test
    void givenAWithheldEntry_whenExported_thenItIsNoAuditEventButASuppressedIssueSayingOnlyUntilWhenAndWhy() {
        Bundle bundle = parse(Histories.of(Histories.withheld(), Histories.eventful("ca-2025-0001")));

        assertThat(bundle.getEntry())
                .extracting(e -> e.getResource().fhirType())
                .containsExactly("AuditEvent", "OperationOutcome");
        OperationOutcome outcome = (OperationOutcome) bundle.getEntry().get(1).getResource();
        assertThat(outcome.getIssue()).hasSize(1);
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.INFORMATION);
        assertThat(issue.getCode()).isEqualTo(OperationOutcome.IssueType.SUPPRESSED);
        assertThat(issue.getDetails().getText())
                .isEqualTo("A disclosure is withheld until 2099-01-01 under Order of the court in case 25-cv-1234");
    }

    @Test
    void givenAHostileRecipientName_whenExported_thenTheJsonStillParsesAndCarriesTheNameAsText() {
        AuditEvent event = onlyEvent(
                Histories.of(Histories.plain("ca-2025-0002", Histories.details(Histories.HOSTILE, PurposeOfUse.LAW))));

        Organization component =
                contained(event, event.getAgent().get(1).getWho().getReference());
        Organization agency = contained(event, component.getPartOf().getReference());
        assertThat(agency.getName()).isEqualTo(Histories.HOSTILE);
    }

    @Test
    void givenTheSameHistory_whenExportedTwice_thenTheFullUrlsAreTheSame() {
        EnrolleeHistory history = Histories.of(Histories.eventful("ca-2025-0001"));

        assertThat(parse(history).getEntryFirstRep().getFullUrl())
                .isEqualTo(parse(history).getEntryFirstRep().getFullUrl());
    }

    private Bundle parse(EnrolleeHistory history) {
        String json = new String(export.json(history), StandardCharsets.UTF_8);
        return FHIR.newJsonParser().parseResource(Bundle.class, json);
    }

    private AuditEvent onlyEvent(EnrolleeHistory history) {
        List<Bundle.BundleEntryComponent> entries = parse(history).getEntry();
        assertThat(entries).hasSize(1);
        return (AuditEvent) entries.get(0).getResource();
    }

    private static Organization contained(AuditEvent event, String reference) {
        assertThat(reference).startsWith("#");
        return event.getContained().stream()
                .filter(r -> r.getIdElement().getIdPart().equals(reference.substring(1)))
                .map(Organization.class::cast)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no contained resource " + reference));
    }

    private static org.assertj.core.groups.Tuple coding(Coding coding) {
        return tuple(coding.getSystem(), coding.getCode());
    }
}
