package org.disclosureledger.projections.investigation;

/** Where an investigation is: waiting, replaying, done (a report exists), failed, or cut off by a shutdown. */
public enum InvestigationState {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    INTERRUPTED
}
