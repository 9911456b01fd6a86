package io.firstpin.identity;

/** The caller of a request: a logged-in staff account, an API token, or nobody. */
public sealed interface Actor {

    boolean instanceAdmin();

    /** A staff account signed in through the login form. */
    record Staff(long accountId, String email, boolean instanceAdmin) implements Actor {
    }

    /** An API token; organization tokens act as that organization's admin and nothing else. */
    record Token(long tokenId, Long organizationId, TokenScope scope) implements Actor {

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
