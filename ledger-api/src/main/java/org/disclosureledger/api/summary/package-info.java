/**
 * What a state auditor asks: which agencies received Medicaid data, how much, and one agency's breakdown by
 * custodian state, purpose, data category and month, as JSON or CSV, each with how many of the disclosures the
 * rulebook flagged, the distinct people those named and the most severe finding. An auditor sees the states of their
 * scope only, a regulator any; they hold counts, never people.
 */
package org.disclosureledger.api.summary;
