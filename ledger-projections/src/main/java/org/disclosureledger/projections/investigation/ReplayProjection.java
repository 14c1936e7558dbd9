package org.disclosureledger.projections.investigation;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDetails;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.rulebook.Finding;
import org.disclosureledger.core.rulebook.Rulebook;
import org.disclosureledger.core.rulebook.RulebookLibrary;
import org.disclosureledger.core.rulebook.Severity;
import org.disclosureledger.core.subject.PersonRef;
import org.disclosureledger.projections.investigation.InvestigationReport.CheckpointRef;
import org.disclosureledger.projections.investigation.InvestigationReport.Counts;
import org.disclosureledger.projections.investigation.InvestigationReport.DisclosureInScope;
import org.disclosureledger.projections.investigation.InvestigationReport.Entry;
import org.disclosureledger.projections.investigation.InvestigationReport.RulebookRef;

/**
 * The disposable projection an investigation folds the ledger into, in ledger-index order: each disclosure's details
 * as corrected so far, its subjects and its ledger entries. Lives in memory for one run and writes nowhere, so it
 * cannot disturb the live read models. Disclosures from custodian states outside the scope are dropped at their first
 * event (the custodian cannot be corrected); every other disclosure is kept until the end, because a later correction
 * can move it into or out of the period, recipients, categories or purposes asked about.
 */
final class ReplayProjection {

    private static final String RECORDED = "DisclosureRecorded";
    private static final String OPENED = "BulkDisclosureOpened";
    private static final String ATTACHED = "BulkSubjectsAttached";
    private static final String SEALED = "BulkDisclosureSealed";
    private static final String CORRECTED = "DisclosureCorrected";

    private final InvestigationDefinition definition;
    private final ObjectMapper json;
    private final Map<String, State> disclosures = new HashMap<>();
    private long eventsRead;

    ReplayProjection(InvestigationDefinition definition, ObjectMapper json) {
        this.definition = definition;
        this.json = json;
    }

    /** Folds in the ledger entry at {@code ledgerIndex}; entries must arrive in index order. */
    void accept(long ledgerIndex, String payloadType, String aggregateIdentifier, byte[] payload) {
        eventsRead++;
        switch (payloadType) {
            case RECORDED -> {
                DisclosureRecorded recorded = read(payload, DisclosureRecorded.class);
                if (definition.coversState(recorded.details().custodian().state())) {
                    State state = new State("SINGLE", recorded.recordedAt(), recorded.details(), true);
                    recorded.subjects().forEach(s -> state.subjects.add(s.value()));
                    state.entries.add(new Entry(ledgerIndex, payloadType));
                    disclosures.put(aggregateIdentifier, state);
                }
            }
            case OPENED -> {
                BulkDisclosureOpened opened = read(payload, BulkDisclosureOpened.class);
                if (definition.coversState(opened.details().custodian().state())) {
                    State state = new State("BULK", opened.recordedAt(), opened.details(), false);
                    state.entries.add(new Entry(ledgerIndex, payloadType));
                    disclosures.put(aggregateIdentifier, state);
                }
            }
            default -> {
                State state = disclosures.get(aggregateIdentifier);
                if (state == null) {
                    return;
                }
                state.entries.add(new Entry(ledgerIndex, payloadType));
                switch (payloadType) {
                    case ATTACHED -> {
                        for (PersonRef subject :
                                read(payload, BulkSubjectsAttached.class).subjects()) {
                            state.subjects.add(subject.value());
                        }
                    }
                    case SEALED -> {
                        read(payload, BulkDisclosureSealed.class);
                        state.sealed = true;
                    }
                    case CORRECTED -> {
                        state.details = read(payload, DisclosureCorrected.class).corrected();
                        state.corrections++;
                    }
                    default -> {
                        // Disputes, destruction, lifted suspensions and events this replay does not interpret
                        // change no detail; they count as the disclosure's entries, and the bundle proves them.
                    }
                }
            }
        }
    }

    /** How many entries were folded in. */
    long eventsRead() {
        return eventsRead;
    }

    /**
     * The report: the disclosures in scope judged under the chosen version, or under the version in force when each
     * occurred. A disclosure is judged at its (corrected) occurrence time.
     */
    InvestigationReport report(CheckpointRef checkpoint, RulebookLibrary library) {
        Rulebook named = definition.rulebookVersion() == null
                ? null
                : library.version(definition.rulebookVersion())
                        .orElseThrow(() -> new InvalidDefinition(
                                "rulebookVersion", "no rulebook version '" + definition.rulebookVersion() + "'"));
        List<Map.Entry<String, State>> inScope = disclosures.entrySet().stream()
                .filter(e -> definition.covers(e.getValue().details))
                .sorted(Map.Entry.comparingByKey())
                .toList();
        Map<String, RulebookRef> rulebooks = new TreeMap<>();
        Map<String, Long> bySeverity = new TreeMap<>();
        for (Severity severity : Severity.values()) {
            bySeverity.put(severity.name(), 0L);
        }
        Set<String> subjects = new HashSet<>();
        List<DisclosureInScope> listed = new ArrayList<>(inScope.size());
        long records = 0;
        long corrected = 0;
        long withFindings = 0;
        long unjudged = 0;
        for (Map.Entry<String, State> e : inScope) {
            State state = e.getValue();
            Rulebook rulebook = named != null
                    ? named
                    : library.inForceAt(state.details.occurredAt()).orElse(null);
            List<Finding> findings = List.of();
            if (rulebook == null) {
                unjudged++;
            } else {
                rulebooks.putIfAbsent(
                        rulebook.name() + "@" + rulebook.version(),
                        new RulebookRef(rulebook.name(), rulebook.version(), rulebook.sha256()));
                findings = rulebook.evaluate(state.details, state.details.occurredAt()).stream()
                        .sorted(Comparator.comparing(Finding::ruleId)
                                .thenComparing(Finding::severity)
                                .thenComparing(Finding::explanation))
                        .toList();
            }
            findings.forEach(f -> bySeverity.merge(f.severity().name(), 1L, Long::sum));
            withFindings += findings.isEmpty() ? 0 : 1;
            corrected += state.corrections > 0 ? 1 : 0;
            records += state.details.recordCount();
            subjects.addAll(state.subjects);
            listed.add(new DisclosureInScope(
                    e.getKey(),
                    state.kind,
                    state.recordedAt,
                    state.details,
                    state.sealed,
                    state.subjects.size(),
                    state.corrections,
                    List.copyOf(state.entries),
                    rulebook == null ? null : rulebook.version(),
                    findings));
        }
        Counts counts = new Counts(
                eventsRead, listed.size(), records, corrected, withFindings, bySeverity, unjudged, subjects.size());
        return new InvestigationReport(
                InvestigationReport.FORMAT, definition, checkpoint, List.copyOf(rulebooks.values()), counts, listed);
    }

    private <T> T read(byte[] payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " could not be read", e);
        }
    }

    /** One disclosure's state so far. Subjects are pseudonyms, kept only to be counted. */
    private static final class State {
        final String kind;
        final Instant recordedAt;
        final List<Entry> entries = new ArrayList<>(2);
        final Set<String> subjects = new HashSet<>();
        DisclosureDetails details;
        boolean sealed;
        int corrections;

        State(String kind, Instant recordedAt, DisclosureDetails details, boolean sealed) {
            this.kind = kind;
            this.recordedAt = recordedAt;
            this.details = details;
            this.sealed = sealed;
        }
    }
}
