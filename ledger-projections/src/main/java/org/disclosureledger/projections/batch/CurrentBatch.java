package org.disclosureledger.projections.batch;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/** The batch an event processor is handling on this thread: the root of the current Axon unit of work. */
public final class CurrentBatch {

    private CurrentBatch() {}

    /**
     * The batch being handled; refuses when none is, naming {@code what} needed it. A projection that gathers its
     * writes through a batch runs its handlers inside an Axon unit of work, as Axon's event processors run them.
     */
    public static UnitOfWork<?> get(String what) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException(what + " belong to a batch: the handlers run inside an Axon unit of work,"
                    + " as an event processor's batch, and none is running");
        }
        return CurrentUnitOfWork.get().root();
    }
}
