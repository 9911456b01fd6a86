package io.firstpin.member;

/** A person as an import names them, with the identity they are matched by. */
public final class NamedIdentity {

    private final String displayName;
    private final IdentityInput identity;
    // normalising is the costly part of matching a large file, so it is done once per person
    private final String key;

    public NamedIdentity(String displayName, IdentityInput identity) {
        this.displayName = displayName;
        this.identity = identity;
        this.key = identity.kind().name() + ":" + identity.kind().normalize(identity.value());
    }

    public String displayName() {
        return displayName;
    }

    public IdentityInput identity() {
        return identity;
    }

    String key() {
        return key;
    }
}
