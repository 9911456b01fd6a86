package io.firstpin.identity.internal;

import io.firstpin.identity.Actor;
import io.firstpin.identity.ActorPrincipal;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication of a request that carried a valid bearer token. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final TokenPrincipal principal;

    ApiTokenAuthentication(Actor.Token actor) {
        super(actor.instanceAdmin()
                ? List.of(new SimpleGrantedAuthority("API"), new SimpleGrantedAuthority("INSTANCE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("API")));
        this.principal = new TokenPrincipal(actor);
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    record TokenPrincipal(Actor.Token actor) implements ActorPrincipal {

        @Override
        public String toString() {
            return "token#" + actor.tokenId();
        }
    }
}
