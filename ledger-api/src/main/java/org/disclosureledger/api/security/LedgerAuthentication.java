package org.disclosureledger.api.security;

import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/** An authenticated caller: their {@link LedgerUser} and the authorities of their roles; the token is not kept. */
final class LedgerAuthentication extends AbstractAuthenticationToken {

    private final LedgerUser user;

    LedgerAuthentication(LedgerUser user, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.user = user;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public LedgerUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.subject();
    }
}
