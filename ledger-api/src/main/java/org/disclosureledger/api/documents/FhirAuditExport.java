package org.disclosureledger.api.documents;

import ca.uhn.fhir.context.FhirContext;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.history.HistoryEntry;
import org.disclosureledger.projections.history.VisibleEntry;
import org.disclosureledger.projections.history.WithheldEntry;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.springframework.stereotype.Component;

/**
 * The enrollee's history as FHIR R4: a Bundle (type collection) with one AuditEvent per disclosure of their data,
 * shaped after the IHE Basic Audit Log Patterns "Privacy Disclosure at Source" profile
 * ({@code IHE.BasicAudit.PrivacyDisclosure.Source}): type DICOM 110106 Export, action R, subtype ISO 21089
 * {@code disclose}, outcome success, a source, a recipient and a custodian agent, a patient entity and a data entity,
 * and the purpose of use as its NHIN code. The patient is identified only by the ledger's pseudonym.
 *
 * <p>Withheld entries are not AuditEvents: an AuditEvent must say when it was recorded and by whom, which is exactly
 * what a withheld entry may not reveal. Each becomes an informational issue of code {@code suppressed} ("not
 * returned due to business rules, consent or privacy rules") in one OperationOutcome in the Bundle, saying until when
 * and under which authority it is withheld.
 *
 * <p>The Bundle does not claim the BALP profile in {@code meta.profile}: the profile requires network addresses for
 * the source and recipient agents, which the ledger is not told.
 */
@Component
public class FhirAuditExport {

    /** The media type of FHIR's JSON format. */
    public static final String MEDIA_TYPE = "application/fhir+json";

    /** The patient identifier's system: the ledger's keyed pseudonym of state and Medicaid id. */
    public static final String PERSON_REF_SYSTEM = "urn:disclosure-ledger:person-ref";

    /** The identifier system of the ledger's caller-chosen disclosure ids. */
    public static final String DISCLOSURE_ID_SYSTEM = "urn:disclosure-ledger:disclosure-id";

    /** The identifier system of recipient agencies' stable ids, such as {@code us-dhs-ice}. */
    public static final String AGENCY_ID_SYSTEM = "urn:disclosure-ledger:agency-id";

    /** The identifier system of disclosing systems, as the custodian names them. */
    public static final String DISCLOSING_SYSTEM_SYSTEM = "urn:disclosure-ledger:disclosing-system";

    static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    static final String ISO_21089 = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
    static final String SNOMED = "http://snomed.info/sct";
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";
    /** NHIN PurposeOfUse (OID 2.16.840.1.113883.3.18.7.1) under its FHIR R4 canonical URL. */
    static final String NHIN_PURPOSE_OF_USE = "http://healthit.gov/nhin/purposeofuse";

    static final String V3_ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";

    /**
     * The NHIN codes FHIR R4's "NHIN / V3 Mapping" (contained in the nhin-purposeofuse value set) maps as equivalent
     * to a v3 PurposeOfUse code, the value set AuditEvent.purposeOfEvent is bound to (extensibly). Codes without an
     * equivalent carry the NHIN coding alone.
     */
    private static final Map<PurposeOfUse, String> V3_EQUIVALENT = Map.of(
            PurposeOfUse.TREATMENT, "TREAT",
            PurposeOfUse.PAYMENT, "HPAYMT",
            PurposeOfUse.OPERATIONS, "HOPERAT",
            PurposeOfUse.SYSADMIN, "SYSADMN",
            PurposeOfUse.FRAUD, "FRAUD",
            PurposeOfUse.TRAINING, "TRAIN",
            PurposeOfUse.LEGAL, "HLEGAL");

    private static final FhirContext FHIR = FhirContext.forR4Cached();

    /** The export as FHIR JSON, UTF-8. */
    public byte[] json(EnrolleeHistory history) {
        return FHIR.newJsonParser()
                .setPrettyPrint(true)
                .encodeResourceToString(bundle(history))
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The export as a HAPI model. */
    public Bundle bundle(EnrolleeHistory history) {
        Bundle bundle =
                new Bundle().setType(Bundle.BundleType.COLLECTION).setTimestamp(Date.from(history.generatedAt()));
        OperationOutcome withheld = new OperationOutcome();
        for (HistoryEntry entry : history.entries()) {
            if (entry instanceof VisibleEntry visible) {
                add(
                        bundle,
                        "audit-event|" + history.person().value() + "|"
                                + visible.disclosureId().value(),
                        auditEvent(history.person(), visible));
            } else if (entry instanceof WithheldEntry held) {
                withheld.addIssue()
                        .setSeverity(IssueSeverity.INFORMATION)
                        .setCode(IssueType.SUPPRESSED)
                        .setDetails(new CodeableConcept()
                                .setText("A disclosure is withheld until " + held.until() + " under "
                                        + held.authority()));
            }
        }
        if (withheld.hasIssue()) {
            add(bundle, "withheld|" + history.person().value() + "|" + history.asOf(), withheld);
        }
        return bundle;
    }

    private static void add(Bundle bundle, String name, Resource resource) {
        // Name-based, so the same history exported twice gives the same full URLs.
        UUID id = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
        bundle.addEntry().setFullUrl("urn:uuid:" + id).setResource(resource);
    }

    private static AuditEvent auditEvent(PersonRef person, VisibleEntry entry) {
        DisclosureDetails details = entry.details();
        AuditEvent event = new AuditEvent();
        event.setType(new Coding(DICOM, "110106", "Export"));
        event.addSubtype(new Coding(ISO_21089, "disclose", "Disclose Record Lifecycle Event"));
        event.setAction(AuditEventAction.R);
        Date occurred = Date.from(details.occurredAt());
        event.setPeriod(new Period().setStart(occurred).setEnd(occurred));
        event.setRecorded(Date.from(entry.recordedAt()));
        event.setOutcome(AuditEventOutcome._0);
        event.addPurposeOfEvent(purpose(details.purpose()));

        Reference disclosingSystem = disclosingSystem(details);
        event.getSource()
                .setSite(details.custodian().agencyName())
                .setObserver(disclosingSystem.copy())
                .addType(new Coding(SOURCE_TYPE, "4", "Application Server"));

        event.addAgent(new AuditEventAgentComponent()
                .setType(concept(DICOM, "110153", "Source Role ID"))
                .setWho(disclosingSystem)
                .setRequestor(false));
        event.addAgent(recipient(event, details.recipient()));
        event.addAgent(custodian(event, details.custodian(), details.releasingOfficial()));

        event.addEntity(new AuditEventEntityComponent()
                .setWhat(new Reference()
                        .setType("Patient")
                        .setIdentifier(
                                new Identifier().setSystem(PERSON_REF_SYSTEM).setValue(person.value())))
                .setType(new Coding(ENTITY_TYPE, "1", "Person"))
                .setRole(new Coding(OBJECT_ROLE, "1", "Patient")));
        event.addEntity(data(entry));
        return event;
    }

    private static CodeableConcept purpose(Purpose purpose) {
        CodeableConcept concept = new CodeableConcept().setText(purpose.text());
        concept.addCoding(new Coding()
                .setSystem(NHIN_PURPOSE_OF_USE)
                .setCode(purpose.code().name()));
        String v3 = V3_EQUIVALENT.get(purpose.code());
        if (v3 != null) {
            concept.addCoding(new Coding().setSystem(V3_ACT_REASON).setCode(v3));
        }
        return concept;
    }

    private static Reference disclosingSystem(DisclosureDetails details) {
        return new Reference()
                .setType("Device")
                .setIdentifier(
                        new Identifier().setSystem(DISCLOSING_SYSTEM_SYSTEM).setValue(details.disclosingSystem()))
                .setDisplay(details.disclosingSystem());
    }

    private static AuditEventAgentComponent recipient(AuditEvent event, Recipient recipient) {
        Organization agency = new Organization()
                .addIdentifier(new Identifier()
                        .setSystem(AGENCY_ID_SYSTEM)
                        .setValue(recipient.agencyId().value()))
                .setName(recipient.name())
                .addAddress(new Address().setText(recipient.address()));
        agency.setId("recipient");
        event.addContained(agency);
        Reference who = new Reference("#recipient").setDisplay(recipient.name());
        if (recipient.component() != null) {
            Organization component = new Organization()
                    .setName(recipient.component())
                    .setPartOf(new Reference("#recipient").setDisplay(recipient.name()))
                    .addAddress(new Address().setText(recipient.address()));
            component.setId("recipient-component");
            event.addContained(component);
            who = new Reference("#recipient-component").setDisplay(Labels.recipient(recipient));
        }
        return new AuditEventAgentComponent()
                .setType(concept(DICOM, "110152", "Destination Role ID"))
                .setWho(who)
                .setRequestor(false);
    }

    private static AuditEventAgentComponent custodian(AuditEvent event, Custodian custodian, String releasingOfficial) {
        Organization agency = new Organization()
                .setName(custodian.agencyName())
                .addAddress(new Address().setState(custodian.state().code()).setCountry("US"));
        agency.setId("custodian");
        event.addContained(agency);
        return new AuditEventAgentComponent()
                .setType(concept(SNOMED, "159541003", "Record keeping/library clerk"))
                .setWho(new Reference("#custodian").setDisplay(custodian.agencyName()))
                .setName(releasingOfficial)
                .setRequestor(false);
    }

    private static AuditEventEntityComponent data(VisibleEntry entry) {
        DisclosureDetails details = entry.details();
        AuditEventEntityComponent data = new AuditEventEntityComponent()
                .setWhat(new Reference()
                        .setIdentifier(new Identifier()
                                .setSystem(DISCLOSURE_ID_SYSTEM)
                                .setValue(entry.disclosureId().value()))
                        .setDisplay("Medicaid data released in disclosure "
                                + entry.disclosureId().value()))
                .setType(new Coding(ENTITY_TYPE, "2", "System Object"))
                .setRole(new Coding(OBJECT_ROLE, "3", "Report"))
                .setName("Medicaid data: " + Labels.categories(details.dataCategories()))
                .setDescription(Labels.mode(details.mode()) + "; " + details.recordCount() + " records in total");
        for (DataCategory category : details.dataCategories()) {
            data.addDetail().setType("dataCategory").setValue(new StringType(category.name()));
        }
        data.addDetail().setType("recordCount").setValue(new StringType(Long.toString(details.recordCount())));
        data.addDetail().setType("mode").setValue(new StringType(details.mode().name()));
        for (String citation : details.legalAuthority().citations()) {
            data.addDetail().setType("legalAuthority.citation").setValue(new StringType(citation));
        }
        if (details.legalAuthority().documentReference() != null) {
            data.addDetail()
                    .setType("legalAuthority.documentReference")
                    .setValue(new StringType(details.legalAuthority().documentReference()));
        }
        if (details.requester() != null) {
            data.addDetail().setType("requester").setValue(new StringType(details.requester()));
        }
        if (entry.corrected()) {
            data.addDetail()
                    .setType("correctedAt")
                    .setValue(new StringType(entry.corrections()
                            .get(entry.corrections().size() - 1)
                            .correctedAt()
                            .toString()));
        }
        return data;
    }

    private static CodeableConcept concept(String system, String code, String display) {
        return new CodeableConcept(new Coding(system, code, display));
    }
}
