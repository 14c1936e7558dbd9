package org.disclosureledger.projections.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Events of one kind that a projection holds through each batch, to write them together in a few statements instead
 * of a few statements each. A batch's events are written just before it commits, inside its transaction, or earlier
 * when the projection asks ({@link #writeHeld}), before it handles an event that reads or changes their rows; they go to
 * the writer in order, at most {@code mostPerWrite} at a time.
 *
 * <p>A failure of the writer is the failure of the handler that asked for the write, or of the batch's commit. The
 * projections that hold events propagate their handlers' failures, so either way the batch is rolled back, with the
 * events held in it, and handled again.
 *
 * @param <E> what is held of each event
 */
public final class HeldEvents<E> {

    private final String name;
    private final int mostPerWrite;
    private final Consumer<List<E>> writer;

    /**
     * @param name         what the events are, unique among what a batch holds (a projection's class name and the
     *                     event's, say); it names them in the batch's resources and in errors
     * @param mostPerWrite the most events handed to the writer at once
     * @param writer       writes the events handed to it, inside the batch's transaction
     */
    public HeldEvents(String name, int mostPerWrite, Consumer<List<E>> writer) {
        if (mostPerWrite < 1) {
            throw new IllegalArgumentException("at least one event is written at a time, not " + mostPerWrite);
        }
        this.name = name;
        this.mostPerWrite = mostPerWrite;
        this.writer = writer;
    }

    /**
     * Holds an event in the batch being handled; the first in a batch arranges for the batch's events to be written in
     * its prepare-commit phase.
     */
    public void hold(E event) {
        UnitOfWork<?> batch = CurrentBatch.get(name);
        List<E> held = batch.getOrComputeResource(name, key -> {
            List<E> events = new ArrayList<>();
            batch.onPrepareCommit(unitOfWork -> write(events));
            return events;
        });
        held.add(event);
    }

    /** Writes the events held in the batch being handled so far, if there are any. */
    public void writeHeld() {
        List<E> held = CurrentBatch.get(name).getResource(name);
        if (held != null) {
            write(held);
        }
    }

    private void write(List<E> held) {
        List<E> events = List.copyOf(held);
        held.clear();
        for (int from = 0; from < events.size(); from += mostPerWrite) {
            writer.accept(events.subList(from, Math.min(events.size(), from + mostPerWrite)));
        }
    }
}
