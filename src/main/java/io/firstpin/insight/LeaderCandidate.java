package io.firstpin.insight;

/**
 * A member who might lead the community, with love (weighted, recency-decayed activity there) and its reasons, counted
 * over the love window.
 *
 * @param attendedRecent of the scope's last {@code recentEvents} events, how many they attended
 * @param organized events held while they had a leader role there (a past leader)
 */
public record LeaderCandidate(long memberId, String displayName, boolean staff, double love, int attendedRecent,
        int recentEvents, int attended, int lightningTalks, int caseStudies, int outputs, int organized) {
}
