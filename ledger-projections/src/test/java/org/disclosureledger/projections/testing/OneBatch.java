package org.disclosureledger.projections.testing;

import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs a projection's handlers, called directly in a test, as an event processor's batch runs them. */
public final class OneBatch {

    private OneBatch() {}

    /**
     * Runs the handlers in an Axon unit of work with a database transaction, both committed (prepare-commit handlers
     * included) unless a handler fails, when both are rolled back.
     */
    public static void run(TransactionTemplate transactions, Runnable handlers) {
        transactions.executeWithoutResult(status -> {
            UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
            try {
                handlers.run();
            } catch (RuntimeException | Error e) {
                batch.rollback(e);
                throw e;
            }
            batch.commit();
        });
    }
}
