package io.firstpin.identity.internal;

import io.firstpin.identity.Actor;
import io.firstpin.identity.ActorPrincipal;
import io.firstpin.identity.StaffAccount;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** A signed-in staff account. Roles per organization are looked up on each check, so revoking one takes effect at once. */
final class StaffPrincipal implements UserDetails, CredentialsContainer, ActorPrincipal {

    // kept in HTTP sessions in the database: a session written by the previous version must stay readable
    private static final long serialVersionUID = 1L;

    private final Actor.Staff actor;
    private final String displayName;
    private String passwordHash;

    StaffPrincipal(StaffAccount account) {
        this.actor = new Actor.Staff(account.id(), account.email(), account.instanceAdmin());
        this.displayName = account.displayName();
        this.passwordHash = account.passwordHash();
    }

    @Override
    public Actor actor() {
        return actor;
    }

    public String displayName() {
        return displayName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return actor.instanceAdmin()
                ? List.of(new SimpleGrantedAuthority("STAFF"), new SimpleGrantedAuthority("INSTANCE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("STAFF"));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.email();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
