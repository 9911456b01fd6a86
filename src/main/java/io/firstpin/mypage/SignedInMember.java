package io.firstpin.mypage;

import java.io.Serializable;

/**
 * A member signed in to their page of one organization, by a code or link sent to their address, which is thereby
 * proven. Kept in the session apart from any staff sign-in.
 */
public record SignedInMember(long organizationId, String organizationSlug, long memberId, String email)
        implements Serializable {

    /** Where the member side keeps its sign-in in the session, apart from the staff's. */
    public static final String SESSION_KEY = "FIRSTPIN_MEMBER_SECURITY_CONTEXT";
}
