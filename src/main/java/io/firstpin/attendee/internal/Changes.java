package io.firstpin.attendee.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** What one transaction changed that the attendee rows depend on, sorted, as locks are taken in id order. */
public record Changes(Set<Long> events, Map<Long, Set<Long>> attendances, Set<Long> members,
        Set<Long> movedMembers, Set<Long> movedCommunities) {

    public Changes() {
        this(new TreeSet<>(), new TreeMap<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
    }

    /** The member's registration or check-in at the event changed. */
    public void attendance(long eventId, long memberId) {
        attendances.computeIfAbsent(eventId, id -> new TreeSet<>()).add(memberId);
    }

    /** These changes, leaving this empty. */
    Changes drain() {
        Changes drained = new Changes();
        drained.events.addAll(events);
        drained.attendances.putAll(attendances);
        drained.members.addAll(members);
        drained.movedMembers.addAll(movedMembers);
        drained.movedCommunities.addAll(movedCommunities);
        events.clear();
        attendances.clear();
        members.clear();
        movedMembers.clear();
        movedCommunities.clear();
        return drained;
    }

    /** These changes as (kind, subject, member) rows of {@code attendee_change}. */
    List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        events.forEach(id -> rows.add(new Object[] {"EVENT", id, null}));
        attendances.forEach((event, members) -> members.forEach(m -> rows.add(new Object[] {"ATTENDANCE", event, m})));
        this.members.forEach(id -> rows.add(new Object[] {"STAFF", id, null}));
        movedMembers.forEach(id -> rows.add(new Object[] {"MOVED", id, null}));
        movedCommunities.forEach(id -> rows.add(new Object[] {"COMMUNITY", id, null}));
        return rows;
    }

    /** Adds a change read back from {@code attendee_change}. */
    void add(String kind, long subjectId, Long memberId) {
        switch (kind) {
            case "EVENT" -> events.add(subjectId);
            case "ATTENDANCE" -> attendance(subjectId, memberId);
            case "STAFF" -> members.add(subjectId);
            case "MOVED" -> movedMembers.add(subjectId);
            case "COMMUNITY" -> movedCommunities.add(subjectId);
            default -> throw new IllegalArgumentException("unknown attendee change " + kind);
        }
    }

    boolean isEmpty() {
        return events.isEmpty() && attendances.isEmpty() && members.isEmpty() && movedMembers.isEmpty()
                && movedCommunities.isEmpty();
    }
}
