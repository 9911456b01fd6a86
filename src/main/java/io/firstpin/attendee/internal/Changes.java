package io.firstpin.attendee.internal;

import java.util.Set;
import java.util.TreeSet;

/** What one transaction changed that the attendee rows depend on, sorted, as locks are taken in id order. */
public record Changes(Set<Long> events, Set<Long> members, Set<Long> movedMembers, Set<Long> movedCommunities) {

    public Changes() {
        this(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    /** These changes, leaving this empty. */
    Changes drain() {
        Changes drained = new Changes();
        drained.events.addAll(events);
        drained.members.addAll(members);
        drained.movedMembers.addAll(movedMembers);
        drained.movedCommunities.addAll(movedCommunities);
        events.clear();
        members.clear();
        movedMembers.clear();
        movedCommunities.clear();
        return drained;
    }

    boolean isEmpty() {
        return events.isEmpty() && members.isEmpty() && movedMembers.isEmpty() && movedCommunities.isEmpty();
    }
}
