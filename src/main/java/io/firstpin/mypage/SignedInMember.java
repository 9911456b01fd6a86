package io.firstpin.mypage;

import java.io.Serializable;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * A member signed in to their page of one organization, by a code or link sent to their address, which is thereby
 * proven, or by a passkey they added. Kept in the session apart from any staff sign-in.
 */
public record SignedInMember(long organizationId, String organizationSlug, long memberId, String email)
        implements Serializable, AuthenticatedPrincipal {

    /** Where the member side keeps its sign-in in the session, apart from the staff's. */
    public static final String SESSION_KEY = "FIRSTPIN_MEMBER_SECURITY_CONTEXT";

    /** The member's name for Spring Security's passkey ceremonies: the organization and the member, never the email. */
    @Override
    public String getName() {
        return "member:" + organizationId + ":" + memberId;
    }
}
