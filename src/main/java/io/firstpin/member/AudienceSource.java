package io.firstpin.member;

/** Who told us an audience size: staff on the member page, or a caller of the API (an integration polling a site). */
public enum AudienceSource {
    STAFF, API
}
