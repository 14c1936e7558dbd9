package org.disclosureledger.core.stream;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a message on the watchdog stream announces: one kind per stored event (a disclosure's, or a recorded read of
 * a person's records), plus signed checkpoints.
 * The CloudEvents {@code type} is derived from the kind and never changes for a given version.
 */
public enum StreamKind {
    RECORDED("disclosure", "recorded", "DisclosureRecorded"),
    BULK_OPENED("disclosure", "bulk-opened", "BulkDisclosureOpened"),
    BULK_SUBJECTS_ATTACHED("disclosure", "bulk-subjects-attached", "BulkSubjectsAttached"),
    BULK_SEALED("disclosure", "bulk-sealed", "BulkDisclosureSealed"),
    CORRECTED("disclosure", "corrected", "DisclosureCorrected"),
    DISPUTED("disclosure", "disputed", "DisclosureDisputed"),
    DESTRUCTION_REQUESTED("disclosure", "destruction-requested", "DestructionRequested"),
    DESTRUCTION_CERTIFIED("disclosure", "destruction-certified", "DestructionCertified"),
    SUSPENSION_LIFTED("disclosure", "suspension-lifted", "SuspensionLifted"),
    /** Findings of the rulebook; published on the disclosures topic like every entry, and on the alerts topic. */
    FLAGGED("disclosure", "flagged", "DisclosureFlagged"),
    /**
     * Someone read a person's records. A ledger entry like the others, so published on the disclosures topic, keyed
     * by the access id, without any person reference and without a disclosure's filter attributes.
     */
    HISTORY_ACCESSED("access", "history-accessed", "HistoryAccessed"),
    CHECKPOINT("ledger", "checkpoint", null);

    private static final String TYPE_PREFIX = "org.disclosureledger.";
    private static final String VERSION = ".v1";

    private final String family;
    private final String kind;
    private final String storedEventName;

    StreamKind(String family, String kind, String storedEventName) {
        this.family = family;
        this.kind = kind;
        this.storedEventName = storedEventName;
    }

    /** The kind's short name, as in {@code docs/stream.md}: {@code recorded}, {@code bulk-sealed}, ... */
    public String kind() {
        return kind;
    }

    /** The CloudEvents type, such as {@code org.disclosureledger.disclosure.recorded.v1}. */
    public String type() {
        return TYPE_PREFIX + family + "." + kind + VERSION;
    }

    /** The CloudEvents {@code dataschema}: {@code urn:disclosure-ledger:schema:<kind>.v1}. */
    public String dataSchema() {
        return "urn:disclosure-ledger:schema:" + kind + VERSION;
    }

    /** The classpath resource holding the JSON Schema of this kind's {@code data}. */
    public String schemaResource() {
        return "/schemas/stream/" + kind + VERSION + ".json";
    }

    /** Whether this kind announces a stored event (and so carries a ledger index and leaf hash). */
    public boolean isDisclosureEvent() {
        return storedEventName != null;
    }

    /** Whether this kind announces a recorded read of a person's records rather than a disclosure's event. */
    public boolean isAccess() {
        return this == HISTORY_ACCESSED;
    }

    /** The stable stored event name (see {@code docs/events.md}) this kind announces, if it announces one. */
    public Optional<String> storedEventName() {
        return Optional.ofNullable(storedEventName);
    }

    public static Optional<StreamKind> ofType(String type) {
        return Arrays.stream(values()).filter(k -> k.type().equals(type)).findFirst();
    }
}
