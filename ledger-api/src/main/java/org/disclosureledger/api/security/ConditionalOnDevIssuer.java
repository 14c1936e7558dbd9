package org.disclosureledger.api.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers a bean only while the development issuer runs ({@link IdentityProvider#devIssuerWanted}), so that what
 * exists only for trying the ledger out (the page's development sign-in) is absent beside a real identity provider.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(TokenConfiguration.DevIssuerWanted.class)
public @interface ConditionalOnDevIssuer {}
