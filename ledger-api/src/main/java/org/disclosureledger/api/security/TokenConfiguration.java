package org.disclosureledger.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.disclosureledger.core.subject.Pseudonymiser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * How bearer tokens are checked: signed by the configured identity provider (its issuer location, JWK set or public
 * key) or by the development issuer, of type {@code JWT} or {@code at+jwt} or none, not expired (an {@code exp} is
 * required), for this ledger's audience ({@code ledger.security.audience}, default {@code disclosure-ledger}), and from
 * the expected issuer when one is known. Whatever fails is a 401. A token that passed is remembered for a while, so
 * that its signature is not checked at every request ({@link VerifiedTokens}).
 */
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class TokenConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenConfiguration.class);
    /** The most checked tokens remembered at once ({@link VerifiedTokens}): about 2-4 KB of heap each. */
    private static final int REMEMBERED_TOKENS = 4_096;

    @Bean
    @Conditional(DevIssuerWanted.class)
    DevIssuer devIssuer(@Value("${ledger.security.audience:disclosure-ledger}") String audience) {
        log.warn("DEVELOPMENT TOKEN ISSUER ENABLED: anyone who can reach this port can mint a token for any role at"
                + " POST /dev/tokens. It is for trying the ledger out on its embedded default and must never guard"
                + " real data: configure spring.security.oauth2.resourceserver.jwt.* for an identity provider.");
        return new DevIssuer(audience, Clock.systemUTC());
    }

    @Bean
    JwtDecoder jwtDecoder(
            Environment environment,
            ResourceLoader resources,
            Optional<DevIssuer> devIssuer,
            @Value("${ledger.security.audience:disclosure-ledger}") String audience) {
        IdentityProvider provider = IdentityProvider.from(environment);
        NimbusJwtDecoder decoder;
        String issuer;
        if (devIssuer.isPresent()) {
            decoder =
                    NimbusJwtDecoder.withPublicKey(devIssuer.get().publicKey()).build();
            issuer = DevIssuer.ISSUER;
        } else if (provider.issuerUri() != null) {
            decoder = NimbusJwtDecoder.withIssuerLocation(provider.issuerUri()).build();
            issuer = provider.expectedIssuer();
        } else if (provider.jwkSetUri() != null) {
            decoder = NimbusJwtDecoder.withJwkSetUri(provider.jwkSetUri()).build();
            issuer = provider.expectedIssuer();
        } else {
            decoder = NimbusJwtDecoder.withPublicKey(publicKey(resources, provider.publicKeyLocation()))
                    .build();
            issuer = provider.expectedIssuer();
        }
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        // Spring Security 7's decoders leave the header's type to a validator, which a list of one's own must name: a
        // plain JWT or an OAuth access token (RFC 9068), or none; not, say, a logout token signed with the same key.
        JwtTypeValidator types = new JwtTypeValidator(List.of("JWT", "at+jwt", "application/at+jwt"));
        types.setAllowEmpty(true);
        validators.add(types);
        validators.add(new JwtTimestampValidator());
        validators.add(new JwtClaimValidator<Object>(JwtClaimNames.EXP, Objects::nonNull));
        validators.add(
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
        if (issuer != null) {
            validators.add(new JwtIssuerValidator(issuer));
        }
        OAuth2TokenValidator<Jwt> validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, Clock.systemUTC(), REMEMBERED_TOKENS);
    }

    @Bean
    TokenClaims tokenClaims(Pseudonymiser pseudonymiser) {
        return new TokenClaims(pseudonymiser);
    }

    private static RSAPublicKey publicKey(ResourceLoader resources, String location) {
        try (InputStream in = resources.getResource(location).getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read the identity provider's public key from " + location + ": " + e.getMessage(), e);
        }
    }

    /** Whether the development issuer runs ({@link IdentityProvider#devIssuerWanted}). */
    static final class DevIssuerWanted implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return IdentityProvider.devIssuerWanted(context.getEnvironment());
        }
    }
}
