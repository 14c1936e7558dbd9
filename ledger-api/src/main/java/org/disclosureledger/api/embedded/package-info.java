/**
 * The embedded defaults: with no datasource configured, the application starts its own PostgreSQL server on
 * loopback, and with no Kafka bootstrap servers configured its own Kafka broker, keeping their data under
 * {@code ledger.data-dir}, so that one command shows the whole system working.
 */
package org.disclosureledger.api.embedded;
