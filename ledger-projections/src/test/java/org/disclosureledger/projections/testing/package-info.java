/**
 * Test support shared with the other modules through this module's test-jar: one real PostgreSQL server per test JVM
 * ({@link org.disclosureledger.projections.testing.SharedPostgres}) with a fresh, empty database on it for each
 * caller, and one real Kafka broker per test JVM ({@link org.disclosureledger.projections.testing.SharedKafka}) with
 * fresh topic names for each caller. Only this package goes into the test-jar, so nothing here may be a Spring
 * {@code @Configuration}.
 */
package org.disclosureledger.projections.testing;
