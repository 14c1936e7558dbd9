package org.disclosureledger.api.security;

import org.springframework.core.env.Environment;

/**
 * Which issuer's tokens the ledger accepts, from configuration: an external identity provider when any of
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code .jwk-set-uri} or {@code .public-key-location}
 * is set; otherwise the built-in development issuer, but only on the embedded default (no
 * {@code spring.datasource.url}) or when {@code ledger.security.dev-issuer=true} asks for it. A ledger on an external
 * database with no identity provider refuses to start rather than run open or with a development issuer nobody chose.
 */
record IdentityProvider(String issuerUri, String jwkSetUri, String publicKeyLocation, String expectedIssuer) {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";
    static final String DEV_ISSUER = "ledger.security.dev-issuer";

    static IdentityProvider from(Environment environment) {
        String issuerUri = text(environment, PREFIX + "issuer-uri");
        String expected = issuerUri != null ? issuerUri : resolved(environment, "${ledger.security.issuer:}");
        return new IdentityProvider(
                issuerUri,
                text(environment, PREFIX + "jwk-set-uri"),
                text(environment, PREFIX + "public-key-location"),
                expected);
    }

    /** Whether the development issuer is to run, or throws if the configuration asks for something unsafe. */
    static boolean devIssuerWanted(Environment environment) {
        IdentityProvider provider = from(environment);
        boolean external = provider.isExternal();
        if (external && provider.expectedIssuer() == null) {
            throw new IllegalStateException("ledger.security.issuer must name your identity provider's issuer (the iss"
                    + " of its tokens) when its key comes from " + PREFIX + "jwk-set-uri or " + PREFIX
                    + "public-key-location: without it, a token of any issuer that shares the key would be accepted");
        }
        String wanted = resolved(environment, "${ledger.security.dev-issuer:auto}");
        if (wanted == null || wanted.equals("auto")) {
            if (!external && text(environment, "spring.datasource.url") != null) {
                throw new IllegalStateException("No identity provider is configured for a ledger on an external"
                        + " database: set " + PREFIX + "issuer-uri (or " + PREFIX + "jwk-set-uri or " + PREFIX
                        + "public-key-location) to your identity provider, or " + DEV_ISSUER + "=true for a"
                        + " try-out that must never hold real data");
            }
            return !external;
        }
        if (wanted.equals("true")) {
            if (external) {
                throw new IllegalStateException(DEV_ISSUER + "=true and an external identity provider (" + PREFIX
                        + "*) are both configured: choose one");
            }
            return true;
        }
        if (wanted.equals("false")) {
            if (!external) {
                throw new IllegalStateException(DEV_ISSUER + "=false but no identity provider is configured: set "
                        + PREFIX + "issuer-uri (or jwk-set-uri or public-key-location)");
            }
            return false;
        }
        throw new IllegalStateException(DEV_ISSUER + " must be auto, true or false, not '" + wanted + "'");
    }

    boolean isExternal() {
        return issuerUri != null || jwkSetUri != null || publicKeyLocation != null;
    }

    private static String resolved(Environment environment, String placeholder) {
        String value = environment.resolvePlaceholders(placeholder);
        return value.isBlank() ? null : value.strip();
    }

    private static String text(Environment environment, String property) {
        String value = environment.getProperty(property);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
