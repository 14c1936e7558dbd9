/**
 * Where a disclosure's data comes from: the US states, the District of Columbia and the territories that run a
 * Medicaid program, identified by their USPS codes.
 */
package org.disclosureledger.core.jurisdiction;
