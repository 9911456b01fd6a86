package io.firstpin.member;

/**
 * A member became staff or stopped being staff: registered by the {@link Member} aggregate, published when it is
 * saved. Staff are left out of every participation count.
 */
public record StaffFlagChanged(long memberId, boolean staff) {
}
