package io.firstpin.member;

import io.firstpin.platform.audit.AuditedAction;

/** A merge was undone: the rows it moved point at {@code fromId} again. Published inside the undoing transaction. */
public record MemberMergeUndone(Long organizationId, long mergeId, long intoId, long fromId) implements AuditedAction {

    @Override
    public String action() {
        return "member.merge-undone";
    }

    @Override
    public String target() {
        return "member " + fromId + " out of member " + intoId;
    }
}
