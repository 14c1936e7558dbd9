/**
 * Who may do what: bearer tokens from the identity provider (or, on the embedded default only, the development
 * issuer) become a {@link org.disclosureledger.api.security.LedgerUser} with roles, state scope and, for an enrollee,
 * the person reference their token is bound to; {@link org.disclosureledger.api.security.EndpointPolicy} says which
 * roles reach which endpoint, and refusals are problem documents like every other error. The enrollee's page signs in
 * with the same tokens into a session ({@link org.disclosureledger.api.security.PageSignIn}) and guards its forms
 * with CSRF tokens. See docs/security.md and docs/page-sign-in.md.
 */
package org.disclosureledger.api.security;
