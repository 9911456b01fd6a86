package io.firstpin.member;

/** The member a person of an import was matched to, and whether it was registered just now. */
public record MemberResolution(long memberId, boolean created) {
}
