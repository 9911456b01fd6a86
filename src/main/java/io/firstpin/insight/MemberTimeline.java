package io.firstpin.insight;

import java.time.Instant;
import java.util.List;

/**
 * A member's activity in the organization, newest first, and their ladder step in each community they took part in.
 *
 * @param items the newest {@link MemberTimelines#SHOWN} items
 * @param total how many items there are in all
 */
public record MemberTimeline(List<Item> items, int total, List<CommunityStep> steps) {

    public MemberTimeline {
        items = List.copyOf(items);
        steps = List.copyOf(steps);
    }

    public enum Kind {
        REGISTERED,
        ATTENDED,
        SPOKE,
        WROTE,
        ANSWERED_SURVEY,
        BECAME_LEADER,
        STEPPED_DOWN
    }

    /**
     * One dated thing the member did.
     *
     * @param timeZone the zone of the community it happened in, for its date
     * @param eventId the event it was at, if any
     * @param title the event's title, the community's name for a leader role, the output's title (or address)
     * @param communitySlug the community, for a leader role
     * @param code what kind of it: the registration's status, the session's kind, the output's type
     * @param text the session's title, the NPS answered
     * @param url the output's address, when it is a web page
     */
    public record Item(Kind kind, Instant at, String timeZone, Long eventId, String title, String communitySlug,
            String code, String text, String url) {
    }

    /** The highest step the member reached in a community on its own (its branches apart). */
    public record CommunityStep(long communityId, String slug, String name, LadderStep step, int eventsAttended) {
    }
}
