package org.disclosureledger.api.security;

import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * How the enrollee's page answers a visitor the page chain turns away, in HTML rather than the API's problem
 * documents: one who is not signed in (or whose session ended) gets the sign-in page with 401; a form post the chain
 * refuses, such as one without its CSRF token, gets a 403 page that says nothing was done. The page package provides
 * it, so that this package does not depend on how pages are written.
 */
public interface PageRefusals extends AuthenticationEntryPoint, AccessDeniedHandler {}
