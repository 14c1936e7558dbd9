/**
 * Who may do what: bearer tokens from the identity provider (or, on the embedded default only, the development
 * issuer) become a {@link org.disclosureledger.api.security.LedgerUser} with roles, state scope and, for an enrollee,
 * the person reference their token is bound to; {@link org.disclosureledger.api.security.EndpointPolicy} says which
 * roles reach which endpoint, and refusals are problem documents like every other error. See docs/security.md.
 */
package org.disclosureledger.api.security;
