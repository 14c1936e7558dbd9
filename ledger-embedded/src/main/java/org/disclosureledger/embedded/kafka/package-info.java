/**
 * Apache Kafka's own broker run inside this JVM on loopback: the application's embedded default when no Kafka cluster
 * is configured, and the broker that tests stop and start to play an outage.
 */
package org.disclosureledger.embedded.kafka;
