package org.disclosureledger.core.disclosure;

/** What a follow-on command returns: its id, and whether this call was a retry of one already on record. */
public record FollowOnRecorded(FollowOnId followOnId, boolean retry) {}
