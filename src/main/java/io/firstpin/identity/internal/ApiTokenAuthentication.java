package io.firstpin.identity.internal;

import io.firstpin.identity.Actor;
import io.firstpin.identity.ActorPrincipal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The authentication of a request that carried a valid bearer token. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    static final String API_WRITE = "API_WRITE";

    private final TokenPrincipal principal;

    ApiTokenAuthentication(Actor.Token actor) {
        super(authorities(actor));
        this.principal = new TokenPrincipal(actor);
        setAuthenticated(true);
    }

    /** API_WRITE lets a token call anything but GET, HEAD and OPTIONS; read-only tokens lack it. */
    private static List<SimpleGrantedAuthority> authorities(Actor.Token actor) {
        List<SimpleGrantedAuthority> authorities = new ArrayList<>(List.of(new SimpleGrantedAuthority("API")));
        if (!actor.readOnly()) {
            authorities.add(new SimpleGrantedAuthority(API_WRITE));
        }
        if (actor.instanceAdmin()) {
            authorities.add(new SimpleGrantedAuthority("INSTANCE_ADMIN"));
        }
        return authorities;
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
