/**
 * Test support shared by the read models' tests: waiting until a processor caught up, and dumping tables to compare
 * a rebuild with the original.
 */
package org.disclosureledger.projections.readmodel;
