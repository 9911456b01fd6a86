package io.firstpin.attendee.internal;

import static io.firstpin.platform.db.Tables.EVENT;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;

/**
 * A member's walks: per scope (a community alone, and each community with its branches that holds the event's
 * community), the member's attendances there in start order with the previous, the one before it and the next.
 * Sub-events (an after-party under its study session) are left out of the walks: coming to the after-party is not a
 * second attendance that would make the evening's newcomers repeaters.
 */
final class Walks {

    private Walks() {
    }

    /** The ids of sub-events, whose attendances walk nowhere. */
    static Select<Record1<Long>> subEvents() {
        return DSL.select(EVENT.ID).from(EVENT).where(EVENT.PARENT_EVENT_ID.isNotNull());
    }

    /**
     * @param attended the member's attendances in start order (ties by event id)
     * @param parents each community's parent, null for a top-level one
     */
    static List<Step> of(long memberId, List<Attended> attended, Map<Long, Long> parents) {
        Map<Scope, List<Attended>> byScope = new LinkedHashMap<>();
        for (Attended a : attended) {
            byScope.computeIfAbsent(new Scope(a.communityId(), false), s -> new ArrayList<>()).add(a);
            for (Long scope = a.communityId(); scope != null; scope = parents.get(scope)) {
                byScope.computeIfAbsent(new Scope(scope, true), s -> new ArrayList<>()).add(a);
            }
        }
        List<Step> steps = new ArrayList<>();
        byScope.forEach((scope, walk) -> {
            for (int i = 0; i < walk.size(); i++) {
                Attended previous = i > 0 ? walk.get(i - 1) : null;
                steps.add(new Step(memberId, scope, walk.get(i).eventId(), walk.get(i).startsAt(),
                        previous == null ? null : previous.eventId(), previous == null ? null : previous.startsAt(),
                        i > 1 ? walk.get(i - 2).startsAt() : null,
                        i + 1 < walk.size() ? walk.get(i + 1).startsAt() : null));
            }
        });
        return steps;
    }

    record Attended(long eventId, long communityId, Instant startsAt) {
    }

    record Scope(long communityId, boolean branches) {
    }

    record Step(long memberId, Scope scope, long eventId, Instant startsAt, Long previousEventId, Instant previousAt,
            Instant beforePreviousAt, Instant nextAt) {
    }
}
