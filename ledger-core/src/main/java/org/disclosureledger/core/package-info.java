/**
 * The Disclosure Ledger's domain: the values, commands, events and aggregate that record disclosures of Medicaid
 * enrollees' data, the keyed pseudonyms that stand for enrollees, and the Merkle math that makes the ledger
 * verifiable. Nothing here knows about Spring, JPA, Kafka or HTTP.
 */
package org.disclosureledger.core;
