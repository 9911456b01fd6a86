package io.firstpin.member;

import io.firstpin.platform.audit.AuditedAction;

/**
 * One member was merged into another: every row that pointed at {@code fromId} now points at {@code intoId}. Published
 * inside the merging transaction.
 */
public record MembersMerged(Long organizationId, long mergeId, long intoId, long fromId) implements AuditedAction {

    @Override
    public String action() {
        return "member.merged";
    }

    @Override
    public String target() {
        return "member " + fromId + " into member " + intoId;
    }
}
