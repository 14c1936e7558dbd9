package org.disclosureledger.projections.integrity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Gives every stored event its ledger index and leaf hash. It runs on a single-threaded tracking processor
 * ({@link SequencerConfiguration}), so the order it takes events in is the ledger's order; the processor's
 * gap-aware token makes sure an event committed late is not skipped. Each batch is read back from the event table
 * exactly as stored, hashed, and appended with the tree nodes it completes, in the same transaction as the token: a
 * batch is sequenced entirely or not at all.
 */
@Component
@ProcessingGroup(SequencerConfiguration.PROCESSING_GROUP)
public class LedgerSequencer {

    private static final String BATCH = LedgerSequencer.class.getName() + ".batch";

    private final LedgerStore store;
    private final Clock clock;

    public LedgerSequencer(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @EventHandler
    void on(EventMessage<?> event, UnitOfWork<?> unitOfWork) {
        List<String> batch = unitOfWork.root().getOrComputeResource(BATCH, key -> {
            List<String> ids = new ArrayList<>();
            unitOfWork.root().onPrepareCommit(u -> sequence(ids));
            return ids;
        });
        batch.add(event.getIdentifier());
    }

    private void sequence(List<String> eventIdentifiers) {
        if (eventIdentifiers.isEmpty()) {
            return;
        }
        Set<String> done = store.alreadySequenced(eventIdentifiers);
        List<String> fresh =
                eventIdentifiers.stream().filter(id -> !done.contains(id)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        TreeAppender tree = store.appender();
        List<LedgerStore.Entry> entries = new ArrayList<>(fresh.size());
        List<TreeAppender.Node> nodes = new ArrayList<>();
        for (LedgerStore.StoredEvent event : store.storedEvents(fresh)) {
            byte[] leafHash = event.envelope().leafHash();
            entries.add(new LedgerStore.Entry(
                    tree.size(), event.envelope().eventIdentifier(), event.globalIndex(), leafHash));
            nodes.addAll(tree.append(leafHash));
        }
        store.append(entries, nodes, clock.instant());
    }
}
