package org.disclosureledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which identity provider configurations the ledger starts with, and which it refuses. */
class IdentityProviderTest {

    @Test
    void givenAKeyWithoutTheIssuerItsTokensName_whenStarting_thenRefusedNamingTheSetting() {
        for (String keySource : new String[] {"public-key-location", "jwk-set-uri"}) {
            MockEnvironment environment =
                    new MockEnvironment().withProperty(IdentityProvider.PREFIX + keySource, "file:/keys/idp.pem");

            assertThatThrownBy(() -> IdentityProvider.devIssuerWanted(environment))
                    .as(keySource)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("ledger.security.issuer must name your identity provider's issuer");
        }
    }

    @Test
    void givenAKeyAndItsIssuer_orAnIssuerUri_whenStarting_thenTheExternalProviderIsUsed() {
        MockEnvironment keyAndIssuer = new MockEnvironment()
                .withProperty(IdentityProvider.PREFIX + "public-key-location", "file:/keys/idp.pem")
                .withProperty("ledger.security.issuer", "https://idp.example.org/realms/ledger");
        MockEnvironment issuerUri = new MockEnvironment()
                .withProperty(IdentityProvider.PREFIX + "issuer-uri", "https://idp.example.org/realms/ledger");

        assertThat(IdentityProvider.devIssuerWanted(keyAndIssuer)).isFalse();
        assertThat(IdentityProvider.devIssuerWanted(issuerUri)).isFalse();
    }
}
