/**
 * How the API says no: every error is an RFC 9457 problem+json document naming the field and the reason, with a
 * stable problem type, and never a stack trace or an enrollee identifier.
 */
package org.disclosureledger.api.problem;
