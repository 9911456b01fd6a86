package io.firstpin.identity;

import java.io.Serializable;

/**
 * The caller of a request: a logged-in staff account, an API token, or nobody. Serializable: a signed-in actor is kept
 * in the HTTP session, which lives in the database.
 */
public sealed interface Actor extends Serializable {

    boolean instanceAdmin();

    /** A staff account signed in through the login form. */
    record Staff(long accountId, String email, boolean instanceAdmin) implements Actor {
    }

    /**
     * An API token; an organization token acts in that organization only, with its role (VIEWER: read-only), in the
     * whole organization or in one community and its branches.
     */
    record Token(long tokenId, Long organizationId, TokenScope scope, Role role, Long communityId) implements Actor {

        public boolean readOnly() {
            return scope != TokenScope.INSTANCE_ADMIN && role == Role.VIEWER;
        }

        @Override
        public boolean instanceAdmin() {
            return scope == TokenScope.INSTANCE_ADMIN;
        }
    }

    record Anonymous() implements Actor {

        @Override
        public boolean instanceAdmin() {
            return false;
        }
    }
}
