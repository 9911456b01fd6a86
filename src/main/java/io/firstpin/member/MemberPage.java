package io.firstpin.member;

import java.util.List;
import java.util.Map;

/**
 * One page of members matching a search, with what is needed to page on, and for the staff list each member's activity
 * by id (empty where nobody asked for it or nothing counts it).
 */
public record MemberPage(List<Member> members, int page, int size, long total,
        Map<Long, MemberActivityListing.Activity> activities) {

    public MemberPage {
        members = List.copyOf(members);
        activities = Map.copyOf(activities);
    }

    public MemberPage(List<Member> members, int page, int size, long total) {
        this(members, page, size, total, Map.of());
    }

    /** The member's activity, or null when none was counted. */
    public MemberActivityListing.Activity activityOf(long memberId) {
        return activities.get(memberId);
    }

    public int totalPages() {
        return total == 0 ? 1 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
