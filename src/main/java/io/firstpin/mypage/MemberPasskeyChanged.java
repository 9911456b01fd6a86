package io.firstpin.mypage;

import io.firstpin.platform.audit.AuditedAction;

/** A member added or removed a passkey on their page. For the audit log, by member id; no passkey is named. */
public record MemberPasskeyChanged(Long organizationId, long memberId, boolean added) implements AuditedAction {

    @Override
    public String action() {
        return added ? "member.passkey.added" : "member.passkey.removed";
    }

    @Override
    public String target() {
        return "member " + memberId;
    }
}
