package io.firstpin.identity;

public enum TokenScope {
    /** Creates organizations and acts in all of them; the bootstrap token has this scope. */
    INSTANCE_ADMIN,
    /** Acts as the admin of exactly one organization. */
    ORGANIZATION_ADMIN
}
