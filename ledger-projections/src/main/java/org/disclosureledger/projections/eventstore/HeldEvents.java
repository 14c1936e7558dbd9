package org.disclosureledger.projections.eventstore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Events of one kind that a projection holds through the batch being handled, to write them together in a few
 * statements instead of a few statements each. They are written just before the batch commits, inside its transaction,
 * or earlier when the projection asks ({@link #writeHeld}): before it handles an event that reads or changes their
 * rows. If the writer fails, the batch fails and is rolled back and handled again, as when a handler fails.
 *
 * @param <E> what is held of each event
 */
public final class HeldEvents<E> {

    private final Consumer<List<E>> writer;
    private final List<E> held = new ArrayList<>();

    private HeldEvents(Consumer<List<E>> writer) {
        this.writer = writer;
    }

    /**
     * The events held under {@code name} in the batch being handled; the first call in a batch arranges for them to be
     * written by {@code writer} in its prepare-commit phase. The handlers run in an Axon unit of work (an event
     * processor's batch), or there is nothing to write the events at the end of.
     */
    public static <E> HeldEvents<E> ofCurrentBatch(String name, Consumer<List<E>> writer) {
        UnitOfWork<?> batch = currentBatch(name);
        return batch.getOrComputeResource(name, key -> {
            HeldEvents<E> events = new HeldEvents<>(writer);
            batch.onPrepareCommit(unitOfWork -> events.write());
            return events;
        });
    }

    /** Writes the events held under {@code name} in the batch being handled, if it holds any. */
    public static void writeHeld(String name) {
        HeldEvents<?> events = currentBatch(name).getResource(name);
        if (events != null) {
            events.write();
        }
    }

    /** Holds an event until the batch commits or the projection asks for it to be written. */
    public void hold(E event) {
        held.add(event);
    }

    private void write() {
        if (held.isEmpty()) {
            return;
        }
        List<E> events = List.copyOf(held);
        held.clear();
        writer.accept(events);
    }

    private static UnitOfWork<?> currentBatch(String name) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("the events held as " + name + " belong to a batch: a projection's handlers"
                    + " run inside an Axon unit of work, as an event processor's batch, and none is running");
        }
        return CurrentUnitOfWork.get().root();
    }
}
