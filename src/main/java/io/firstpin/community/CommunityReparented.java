package io.firstpin.community;

/**
 * A community became a branch of another one, or stopped being one: registered by the {@link Community} aggregate,
 * published when it is saved. Its events now belong to other scopes.
 */
public record CommunityReparented(long communityId) {
}
