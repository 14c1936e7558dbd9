package org.disclosureledger.projections.eventstore;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.disclosureledger.core.access.HistoryAccessed;
import org.disclosureledger.core.disclosure.BulkDisclosureOpened;
import org.disclosureledger.core.disclosure.BulkDisclosureSealed;
import org.disclosureledger.core.disclosure.BulkSubjectsAttached;
import org.disclosureledger.core.disclosure.DestructionCertified;
import org.disclosureledger.core.disclosure.DestructionRequested;
import org.disclosureledger.core.disclosure.DisclosureCorrected;
import org.disclosureledger.core.disclosure.DisclosureDisputed;
import org.disclosureledger.core.disclosure.DisclosureFlagged;
import org.disclosureledger.core.disclosure.DisclosureRecorded;
import org.disclosureledger.core.disclosure.SuspensionLifted;

/**
 * The ledger's public event types: the stable name and revision under which each event class is stored, independent
 * of the Java package it lives in. These names are what {@code payload_type} holds in the event table and what
 * {@code docs/events.md} documents; renaming or moving a class changes nothing stored, renaming an entry here breaks
 * every reader of the ledger.
 */
public final class LedgerEventTypes {

    /** The revision every event has until its shape changes; a change comes with an upcaster and a new revision. */
    public static final String FIRST_REVISION = "1";

    private static final LedgerEventTypes STANDARD = new LedgerEventTypes(standardTypes());

    private final Map<String, Class<?>> classesByName;
    private final Map<Class<?>, String> namesByClass;

    private LedgerEventTypes(Map<String, Class<?>> classesByName) {
        this.classesByName = Collections.unmodifiableMap(new LinkedHashMap<>(classesByName));
        Map<Class<?>, String> names = new LinkedHashMap<>();
        classesByName.forEach((name, type) -> {
            if (names.put(type, name) != null) {
                throw new IllegalArgumentException(type.getName() + " is registered under two names");
            }
        });
        this.namesByClass = Collections.unmodifiableMap(names);
    }

    /** The ledger's event types, in the order docs/events.md lists them. */
    public static LedgerEventTypes standard() {
        return STANDARD;
    }

    /** The stable name of an event class, or empty when the class is not one of the ledger's events. */
    public Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(namesByClass.get(type));
    }

    /** The event class stored under a stable name, or empty when the name is not one of the ledger's events. */
    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(classesByName.get(name));
    }

    /** The revision stored with the event class of that name. */
    public String revisionOf(String name) {
        if (!classesByName.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is not a ledger event type");
        }
        return FIRST_REVISION;
    }

    /** Every stable name, in registration order. */
    public Set<String> names() {
        return classesByName.keySet();
    }

    /** Every registered event class with its name, in registration order. */
    public Map<String, Class<?>> asMap() {
        return classesByName;
    }

    private static Map<String, Class<?>> standardTypes() {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("DisclosureRecorded", DisclosureRecorded.class);
        types.put("BulkDisclosureOpened", BulkDisclosureOpened.class);
        types.put("BulkSubjectsAttached", BulkSubjectsAttached.class);
        types.put("BulkDisclosureSealed", BulkDisclosureSealed.class);
        types.put("DisclosureCorrected", DisclosureCorrected.class);
        types.put("DisclosureDisputed", DisclosureDisputed.class);
        types.put("DestructionRequested", DestructionRequested.class);
        types.put("DestructionCertified", DestructionCertified.class);
        types.put("SuspensionLifted", SuspensionLifted.class);
        types.put("DisclosureFlagged", DisclosureFlagged.class);
        types.put("HistoryAccessed", HistoryAccessed.class);
        return types;
    }
}
