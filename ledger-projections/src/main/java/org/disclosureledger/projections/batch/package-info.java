/**
 * What a projection's handlers share within one batch of an event processor: the batch itself ({@link CurrentBatch}),
 * and the events a projection holds through it to write them together ({@link HeldEvents}).
 */
package org.disclosureledger.projections.batch;
