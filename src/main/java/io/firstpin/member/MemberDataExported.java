package io.firstpin.member;

import io.firstpin.platform.audit.AuditedAction;
import java.util.Map;

/**
 * Everything the organization holds about a member was handed out: to the member from their page, or to staff (page or
 * API). For the audit log, by id only.
 *
 * @param format {@code json} or {@code zip}
 */
public record MemberDataExported(Long organizationId, long memberId, boolean byMember, String format)
        implements AuditedAction {

    @Override
    public String action() {
        return "member.exported";
    }

    @Override
    public String target() {
        return "member " + memberId;
    }

    @Override
    public Map<String, String> details() {
        return Map.of("by", byMember ? "member" : "staff", "format", format);
    }
}
