package io.firstpin.member;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/**
 * A member's personal data was erased. For the audit log: the member's id and how many rows of each kind changed,
 * never what was erased.
 *
 * @param byMember whether the person asked for it themselves (from their page, confirmed by email), or staff did
 */
public record MemberErased(Long organizationId, long memberId, boolean byMember, Map<String, String> counts)
        implements AuditedAction {

    public MemberErased {
        counts = Map.copyOf(counts);
    }

    @Override
    public String action() {
        return "member.erased";
    }

    @Override
    public String target() {
        return "member " + memberId;
    }

    @Override
    public Map<String, String> details() {
        Map<String, String> details = new java.util.LinkedHashMap<>(counts);
        details.put("by", byMember ? "member" : "staff");
        return details;
    }
}
