package org.disclosureledger.api.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.disclosureledger.api.problem.FieldErrors;
import org.disclosureledger.core.agency.AgencyId;
import org.disclosureledger.core.agency.Custodian;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.CertifyDestruction;
import org.disclosureledger.core.disclosure.CorrectDisclosure;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DetailsCorrection;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureId;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.DisputeDisclosure;
import org.disclosureledger.core.disclosure.FollowOnId;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.LiftSuspension;
import org.disclosureledger.core.disclosure.OpenBulkDisclosure;
import org.disclosureledger.core.disclosure.Purpose;
import org.disclosureledger.core.disclosure.PurposeOfUse;
import org.disclosureledger.core.disclosure.RecordDisclosure;
import org.disclosureledger.core.disclosure.RequestDestruction;
import org.disclosureledger.core.disclosure.Suspension;
import org.disclosureledger.core.jurisdiction.StateCode;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns request bodies into the domain's commands: checks every field (collecting all errors), pseudonymises enrollee
 * identifiers, and fingerprints the result so retries are recognised. Nothing derived from a raw identifier but its
 * {@link PersonRef} leaves this class.
 */
@Component
public class DisclosureRequests {

    /** The field names a correction may use, as they appear in request bodies. */
    static final Set<String> CORRECTABLE = Set.of(
            "occurredAt",
            "disclosingSystem",
            "releasingOfficial",
            "recipient",
            "requester",
            "purpose",
            "legalAuthority",
            "dataCategories",
            "mode",
            "accessWindow",
            "recordCount");

    private final Pseudonymiser pseudonymiser;
    private final JsonMapper json;

    DisclosureRequests(Pseudonymiser pseudonymiser, JsonMapper json) {
        this.pseudonymiser = pseudonymiser;
        this.json = json;
    }

    RecordDisclosure toRecord(DisclosureBody body) {
        FieldErrors errors = new FieldErrors();
        DisclosureId id = disclosureId(errors, body.disclosureId());
        DisclosureDetails details = details(errors, body);
        Suspension suspension = suspension(errors, body.suspension());
        List<PersonRef> subjects = new ArrayList<>();
        if (body.subjects() == null || body.subjects().isEmpty()) {
            errors.add(
                    "subjects",
                    "a disclosure needs at least one subject; to send subjects in chunks, open a bulk"
                            + " disclosure instead");
        } else {
            for (int i = 0; i < body.subjects().size(); i++) {
                subjects.add(
                        subject(errors, "subjects[" + i + "]", body.subjects().get(i)));
            }
        }
        errors.throwIfAny();
        String digest = RequestDigests.of("record", "details", details, "subjects", subjects, "suspension", suspension);
        return new RecordDisclosure(id, details, subjects, suspension, digest);
    }

    OpenBulkDisclosure toOpen(DisclosureBody body) {
        FieldErrors errors = new FieldErrors();
        DisclosureId id = disclosureId(errors, body.disclosureId());
        DisclosureDetails details = details(errors, body);
        Suspension suspension = suspension(errors, body.suspension());
        if (body.subjects() != null) {
            errors.add(
                    "subjects",
                    "a bulk disclosure's subjects are attached in chunks after it is opened, not in"
                            + " the opening request");
        }
        errors.throwIfAny();
        String digest = RequestDigests.of("open-bulk", "details", details, "suspension", suspension);
        return new OpenBulkDisclosure(id, details, suspension, digest);
    }

    /** Pseudonymises one chunk line's subject (NDJSON or CSV); {@code field} names the line for error messages. */
    PersonRef chunkSubject(String field, SubjectIdentifier identifier) {
        FieldErrors errors = new FieldErrors();
        PersonRef ref = subject(errors, field, identifier);
        errors.throwIfAny();
        return ref;
    }

    CorrectDisclosure toCorrection(DisclosureId id, FollowOnBodies.Correction body) {
        FieldErrors errors = new FieldErrors();
        FollowOnId correctionId = followOnId(errors, "correctionId", body.correctionId());
        String reason = errors.required("reason", body.reason());
        DetailsCorrection correction = null;
        JsonNode fields = body.corrections();
        if (fields == null || !fields.isObject() || fields.isEmpty()) {
            errors.add("corrections", "corrections must be an object naming at least one field and its new value");
        } else {
            for (String name : fields.propertyNames()) {
                if (name.equals("custodian")) {
                    errors.add(
                            "corrections.custodian",
                            "the custodian cannot be corrected: it decides which"
                                    + " state's auditors see the disclosure; record the disclosure anew instead");
                } else if (!CORRECTABLE.contains(name)) {
                    errors.add(
                            "corrections." + name,
                            "'" + name + "' is not a field a correction can supersede;" + " correctable fields are "
                                    + String.join(
                                            ", ", CORRECTABLE.stream().sorted().toList()));
                }
            }
            if (errors.isEmpty()) {
                FieldErrors nested = new FieldErrors("corrections.");
                correction = correction(nested, fields);
                errors.addAll(nested);
            }
        }
        errors.throwIfAny();
        String digest = RequestDigests.of("correction", "id", correctionId, "correction", correction, "reason", reason);
        return new CorrectDisclosure(id, correctionId, correction, reason, digest);
    }

    DisputeDisclosure toDispute(DisclosureId id, PersonRef subject, FollowOnBodies.Dispute body) {
        FieldErrors errors = new FieldErrors();
        FollowOnId disputeId = followOnId(errors, "disputeId", body.disputeId());
        String statement = errors.required("statement", body.statement());
        errors.throwIfAny();
        String digest = RequestDigests.of("dispute", "id", disputeId, "subject", subject, "statement", statement);
        return new DisputeDisclosure(id, disputeId, subject, statement, digest);
    }

    RequestDestruction toDestructionRequest(DisclosureId id, FollowOnBodies.DestructionRequest body) {
        FieldErrors errors = new FieldErrors();
        FollowOnId requestId = followOnId(errors, "requestId", body.requestId());
        String requestedBy = errors.required("requestedBy", body.requestedBy());
        String authority = errors.required("authority", body.authority());
        LocalDate dueBy = body.dueBy() == null ? null : date(errors, "dueBy", body.dueBy());
        errors.throwIfAny();
        String digest = RequestDigests.of(
                "destruction-request",
                "id",
                requestId,
                "requestedBy",
                requestedBy,
                "authority",
                authority,
                "dueBy",
                dueBy);
        return new RequestDestruction(id, requestId, requestedBy, authority, dueBy, digest);
    }

    CertifyDestruction toCertification(DisclosureId id, FollowOnBodies.DestructionCertification body) {
        FieldErrors errors = new FieldErrors();
        FollowOnId certificationId = followOnId(errors, "certificationId", body.certificationId());
        FollowOnId requestId = body.requestId() == null ? null : followOnId(errors, "requestId", body.requestId());
        String certifiedBy = errors.required("certifiedBy", body.certifiedBy());
        Instant destroyedAt = instant(errors, "destroyedAt", body.destroyedAt());
        String method = errors.required("method", body.method());
        errors.throwIfAny();
        String digest = RequestDigests.of(
                "destruction-certification",
                "id",
                certificationId,
                "requestId",
                requestId,
                "certifiedBy",
                certifiedBy,
                "destroyedAt",
                destroyedAt,
                "method",
                method);
        return new CertifyDestruction(id, certificationId, requestId, certifiedBy, destroyedAt, method, digest);
    }

    LiftSuspension toLift(DisclosureId id, FollowOnBodies.SuspensionLift body) {
        FieldErrors errors = new FieldErrors();
        FollowOnId liftId = followOnId(errors, "liftId", body.liftId());
        String authority = errors.required("authority", body.authority());
        String reason = errors.required("reason", body.reason());
        errors.throwIfAny();
        String digest = RequestDigests.of("suspension-lift", "id", liftId, "authority", authority, "reason", reason);
        return new LiftSuspension(id, liftId, authority, reason, digest);
    }

    private DetailsCorrection correction(FieldErrors errors, JsonNode fields) {
        FollowOnBodies.CorrectedFields c;
        try {
            c = json.treeToValue(fields, FollowOnBodies.CorrectedFields.class);
        } catch (RuntimeException e) {
            errors.add(
                    "corrections",
                    "a corrected value has the wrong JSON type; each field takes the same shape"
                            + " as when the disclosure is recorded");
            return null;
        }
        int mark = errors.mark();
        Instant occurredAt = c.occurredAt() == null ? null : instant(errors, "corrections.occurredAt", c.occurredAt());
        Recipient recipient = c.recipient() == null ? null : recipient(errors, "corrections.recipient", c.recipient());
        Purpose purpose = c.purpose() == null ? null : purpose(errors, "corrections.purpose", c.purpose());
        LegalAuthority authority = c.legalAuthority() == null
                ? null
                : legalAuthority(errors, "corrections.legalAuthority", c.legalAuthority());
        List<DataCategory> categories = c.dataCategories() == null
                ? null
                : categories(errors, "corrections.dataCategories", c.dataCategories());
        DisclosureMode mode =
                c.mode() == null ? null : errors.enumValue("corrections.mode", c.mode(), DisclosureMode.class);
        AccessWindow window =
                c.accessWindow() == null ? null : accessWindow(errors, "corrections.accessWindow", c.accessWindow());
        if (c.recordCount() != null && c.recordCount() < 1) {
            errors.add("corrections.recordCount", "recordCount must be at least 1");
        }
        String disclosingSystem = blankIsError(errors, "corrections.disclosingSystem", c.disclosingSystem());
        String releasingOfficial = blankIsError(errors, "corrections.releasingOfficial", c.releasingOfficial());
        String requester = blankIsError(errors, "corrections.requester", c.requester());
        Set<CorrectableField> cleared = cleared(errors, fields);
        return errors.composite(
                mark,
                "corrections",
                () -> new DetailsCorrection(
                        occurredAt,
                        disclosingSystem,
                        releasingOfficial,
                        recipient,
                        requester,
                        purpose,
                        authority,
                        categories,
                        mode,
                        window,
                        c.recordCount(),
                        cleared));
    }

    /**
     * The fields a correction sets to null, as JSON Merge Patch does: an optional field recorded by mistake is removed
     * that way. A field a disclosure always has cannot be.
     */
    private static Set<CorrectableField> cleared(FieldErrors errors, JsonNode fields) {
        Set<CorrectableField> cleared = EnumSet.noneOf(CorrectableField.class);
        for (String name : fields.propertyNames()) {
            if (!fields.get(name).isNull()) {
                continue;
            }
            switch (name) {
                case "requester" -> cleared.add(CorrectableField.REQUESTER);
                case "accessWindow" -> cleared.add(CorrectableField.ACCESS_WINDOW);
                default ->
                    errors.add(
                            "corrections." + name,
                            name + " cannot be cleared: a disclosure always has one; give its corrected value (only"
                                    + " requester and accessWindow can be set to null)");
            }
        }
        return cleared;
    }

    private DisclosureDetails details(FieldErrors errors, DisclosureBody body) {
        int mark = errors.mark();
        Instant occurredAt = instant(errors, "occurredAt", body.occurredAt());
        Custodian custodian = custodian(errors, body.custodian());
        Recipient recipient = recipient(errors, "recipient", body.recipient());
        Purpose purpose = purpose(errors, "purpose", body.purpose());
        LegalAuthority authority = legalAuthority(errors, "legalAuthority", body.legalAuthority());
        List<DataCategory> categories = categories(errors, "dataCategories", body.dataCategories());
        DisclosureMode mode = errors.enumValue("mode", body.mode(), DisclosureMode.class);
        AccessWindow window =
                body.accessWindow() == null ? null : accessWindow(errors, "accessWindow", body.accessWindow());
        Long recordCount = errors.required("recordCount", body.recordCount());
        String disclosingSystem = errors.required("disclosingSystem", body.disclosingSystem());
        String releasingOfficial = errors.required("releasingOfficial", body.releasingOfficial());
        return errors.composite(
                mark,
                "details",
                () -> new DisclosureDetails(
                        occurredAt,
                        custodian,
                        disclosingSystem,
                        releasingOfficial,
                        recipient,
                        body.requester(),
                        purpose,
                        authority,
                        categories,
                        mode,
                        window,
                        recordCount));
    }

    private static DisclosureId disclosureId(FieldErrors errors, String value) {
        return errors.value("disclosureId", () -> new DisclosureId(value));
    }

    private static FollowOnId followOnId(FieldErrors errors, String field, String value) {
        return errors.value(field, () -> new FollowOnId(value));
    }

    private static Custodian custodian(FieldErrors errors, DisclosureBody.Custodian body) {
        if (errors.required("custodian", body) == null) {
            return null;
        }
        int mark = errors.mark();
        StateCode state = errors.value("custodian.state", () -> new StateCode(body.state()));
        return errors.composite(mark, "custodian", () -> new Custodian(state, body.agencyName()));
    }

    private static Recipient recipient(FieldErrors errors, String field, DisclosureBody.Recipient body) {
        if (errors.required(field, body) == null) {
            return null;
        }
        int mark = errors.mark();
        AgencyId agency = errors.value(field + ".agencyId", () -> new AgencyId(body.agencyId()));
        return errors.composite(
                mark, field, () -> new Recipient(agency, body.name(), body.component(), body.address()));
    }

    private static Purpose purpose(FieldErrors errors, String field, DisclosureBody.Purpose body) {
        if (errors.required(field, body) == null) {
            return null;
        }
        int mark = errors.mark();
        PurposeOfUse code = errors.enumValue(field + ".code", body.code(), PurposeOfUse.class);
        return errors.composite(mark, field, () -> new Purpose(code, body.text()));
    }

    private static LegalAuthority legalAuthority(FieldErrors errors, String field, DisclosureBody.LegalAuthority body) {
        if (errors.required(field, body) == null) {
            return null;
        }
        return errors.value(field, () -> new LegalAuthority(body.citations(), body.documentReference()));
    }

    private static List<DataCategory> categories(FieldErrors errors, String field, List<String> names) {
        if (names == null || names.isEmpty()) {
            errors.add(field, field + " needs at least one category");
            return null;
        }
        List<DataCategory> categories = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            categories.add(errors.enumValue(field + "[" + i + "]", names.get(i), DataCategory.class));
        }
        if (categories.stream().distinct().count() != categories.size()) {
            errors.add(field, field + " names a category twice");
        }
        return categories;
    }

    private static AccessWindow accessWindow(FieldErrors errors, String field, DisclosureBody.AccessWindow body) {
        int mark = errors.mark();
        Instant opensAt = instant(errors, field + ".opensAt", body.opensAt());
        Instant closesAt = instant(errors, field + ".closesAt", body.closesAt());
        Boolean download = errors.required(field + ".downloadAllowed", body.downloadAllowed());
        return errors.composite(mark, field, () -> new AccessWindow(opensAt, closesAt, download));
    }

    private static Suspension suspension(FieldErrors errors, DisclosureBody.Suspension body) {
        if (body == null) {
            return null;
        }
        int mark = errors.mark();
        LocalDate until = date(errors, "suspension.until", body.until());
        return errors.composite(mark, "suspension", () -> new Suspension(until, body.authority()));
    }

    private PersonRef subject(FieldErrors errors, String field, SubjectIdentifier identifier) {
        if (identifier == null) {
            errors.add(field, field + " is required: an object with state and medicaidId");
            return null;
        }
        FieldErrors own = new FieldErrors(field + ".");
        StateCode state = own.value(field + ".state", () -> StateCode.ofPerson(identifier.state()));
        own.value(field + ".medicaidId", () -> Pseudonymiser.normaliseMedicaidId(identifier.medicaidId()));
        own.value(field + ".ssn", () -> {
            Pseudonymiser.checkSsn(identifier.ssn());
            return Boolean.TRUE;
        });
        PersonRef ref = own.composite(0, field, () -> pseudonymiser.pseudonymise(state, identifier.medicaidId()));
        errors.addAll(own);
        return ref;
    }

    /**
     * An instant as the ledger keeps it, to the microsecond: the read models' columns hold no finer, and PostgreSQL
     * would round 23:59:59.9999996 into the next day, so that an entry's day in the history would differ from the
     * event's. Finer digits (a .NET clock's seventh, say) are dropped here, before anything is recorded.
     */
    private static Instant instant(FieldErrors errors, String field, String text) {
        if (text == null) {
            errors.add(field, field + " is required");
            return null;
        }
        try {
            return Instant.parse(text).truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            errors.add(field, field + " must be an ISO-8601 instant such as 2025-06-10T15:00:00Z");
            return null;
        }
    }

    private static LocalDate date(FieldErrors errors, String field, String text) {
        if (text == null) {
            errors.add(field, field + " is required");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(field, field + " must be a date such as 2026-01-31");
            return null;
        }
    }

    private static String blankIsError(FieldErrors errors, String field, String text) {
        if (text != null && text.isBlank()) {
            errors.add(field, field + " must not be blank");
            return null;
        }
        return text;
    }
}
