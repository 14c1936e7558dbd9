package org.disclosureledger.api.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.disclosureledger.core.agency.Recipient;
import org.disclosureledger.core.disclosure.AccessWindow;
import org.disclosureledger.core.disclosure.CorrectableField;
import org.disclosureledger.core.disclosure.DataCategory;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureMode;
import org.disclosureledger.core.disclosure.LegalAuthority;
import org.disclosureledger.core.disclosure.PurposeOfUse;

/** The plain words the documents use for the ledger's codes, dates and values. */
public final class Labels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMMM d, uuuu", Locale.US);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern(
                    "MMMM d, uuuu 'at' HH:mm 'UTC'", Locale.US)
            .withZone(ZoneOffset.UTC);

    private Labels() {}

    public static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant.atZone(ZoneOffset.UTC));
    }

    public static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant);
    }

    public static String category(DataCategory category) {
        return switch (category) {
            case SSN -> "Social Security number";
            case MEDICAID_ID -> "Medicaid ID";
            case RACE_ETHNICITY -> "Race and ethnicity";
            case DATE_OF_BIRTH -> "Date of birth";
            case HOUSEHOLD -> "Household members";
            case ELIGIBILITY -> "Eligibility records";
            case ENROLLMENT -> "Enrollment records";
            case CLAIMS -> "Claims (services billed to Medicaid)";
            case PROVIDERS -> "Health care providers";
            default -> capitalised(category.name());
        };
    }

    public static String categories(List<DataCategory> categories) {
        return categories.stream().map(Labels::category).collect(Collectors.joining(", "));
    }

    public static String mode(DisclosureMode mode) {
        return switch (mode) {
            case BULK_FILE -> "sent as a data file";
            case QUERY_ACCESS -> "made available to search";
            case API -> "made available through a computer interface (API)";
            case PAPER -> "sent on paper";
        };
    }

    /** The purpose codes in words, after the NHIN PurposeOfUse code system's definitions. */
    public static String purpose(PurposeOfUse code) {
        return switch (code) {
            case TREATMENT -> "Treatment";
            case PAYMENT -> "Payment";
            case OPERATIONS -> "Health care operations";
            case SYSADMIN -> "System administration";
            case FRAUD -> "Fraud detection";
            case PSYCHOTHERAPY -> "Psychotherapy notes";
            case TRAINING -> "Training";
            case LEGAL -> "Legal defense";
            case MARKETING -> "Marketing";
            case DIRECTORY -> "Facility directory";
            case FAMILY -> "Family member or friend";
            case PRESENCE -> "With you present";
            case EMERGENCY -> "Emergency";
            case DISASTER -> "Disaster relief";
            case PUBLICHEALTH -> "Public health";
            case ABUSE -> "Abuse, neglect or domestic violence";
            case OVERSIGHT -> "Health oversight";
            case JUDICIAL -> "Judicial or administrative proceedings";
            case LAW -> "Law enforcement";
            case DECEASED -> "About a deceased person";
            case DONATION -> "Organ, eye or tissue donation";
            case RESEARCH -> "Research";
            case THREAT -> "Serious threat to health or safety";
            case GOVERNMENT -> "Specialized government functions";
            case WORKERSCOMP -> "Workers' compensation";
            case COVERAGE -> "Insurance or disability coverage";
            case REQUEST -> "At your request";
        };
    }

    public static String recipient(Recipient recipient) {
        return recipient.component() == null ? recipient.name() : recipient.name() + ", " + recipient.component();
    }

    public static String authority(LegalAuthority authority) {
        StringBuilder text = new StringBuilder(String.join("; ", authority.citations()));
        if (authority.documentReference() != null) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(authority.documentReference());
        }
        return text.toString();
    }

    public static String accessWindow(AccessWindow window) {
        if (window == null) {
            return "none";
        }
        return "from " + moment(window.opensAt()) + " to " + moment(window.closesAt())
                + (window.downloadAllowed() ? ", download allowed" : ", no download");
    }

    public static String field(CorrectableField field) {
        return switch (field) {
            case OCCURRED_AT -> "Date";
            case DISCLOSING_SYSTEM -> "Disclosing system";
            case RELEASING_OFFICIAL -> "Releasing official";
            case RECIPIENT -> "Recipient";
            case REQUESTER -> "Requested by";
            case PURPOSE -> "Purpose";
            case LEGAL_AUTHORITY -> "Legal authority";
            case DATA_CATEGORIES -> "What data";
            case MODE -> "How it was handed over";
            case ACCESS_WINDOW -> "Access period";
            case RECORD_COUNT -> "Number of records";
        };
    }

    /** One correctable field's value, in words. */
    public static String value(DisclosureDetails details, CorrectableField field) {
        return switch (field) {
            case OCCURRED_AT -> moment(details.occurredAt());
            case DISCLOSING_SYSTEM -> details.disclosingSystem();
            case RELEASING_OFFICIAL -> details.releasingOfficial();
            case RECIPIENT ->
                recipient(details.recipient()) + ", " + details.recipient().address();
            case REQUESTER -> details.requester() == null ? "none" : details.requester();
            case PURPOSE ->
                purpose(details.purpose().code()) + ": " + details.purpose().text();
            case LEGAL_AUTHORITY -> authority(details.legalAuthority());
            case DATA_CATEGORIES -> categories(details.dataCategories());
            case MODE -> mode(details.mode());
            case ACCESS_WINDOW -> accessWindow(details.accessWindow());
            case RECORD_COUNT -> Long.toString(details.recordCount());
        };
    }

    private static String capitalised(String constant) {
        String words = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The text with its first letter in capitals, for a label that starts a sentence. */
    public static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
