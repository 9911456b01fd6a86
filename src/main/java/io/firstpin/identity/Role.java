package io.firstpin.identity;

/** A staff account's role in one organization, from least to most allowed. */
public enum Role {
    /** Reads everything of the organization, changes nothing. */
    VIEWER,
    /** Runs communities: events, frames, members. */
    COMMUNITY_LEADER,
    /** Everything in the organization, including accounts and API tokens. */
    ORGANIZATION_ADMIN;

    public boolean includes(Role other) {
        return compareTo(other) >= 0;
    }
}
