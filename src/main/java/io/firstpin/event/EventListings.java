package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;

import io.firstpin.event.internal.EventRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/** Lists of events: the public upcoming and past ones of some communities, staff search, and events by start. */
@Service
public class EventListings {

    private final EventRepository events;
    private final DSLContext db;
    private final Clock clock;

    EventListings(EventRepository events, DSLContext db, Clock clock) {
        this.events = events;
        this.db = db;
        this.clock = clock;
    }

    /**
     * The organization's events in these communities starting in [from, to) (either bound may be null), in start
     * order.
     */
    public List<Event> startingBetween(long organizationId, Collection<Long> communityIds, Instant from, Instant to) {
        Condition condition = EVENT.ORGANIZATION_ID.eq(organizationId).and(EVENT.COMMUNITY_ID.in(communityIds));
        if (from != null) {
            condition = condition.and(EVENT.STARTS_AT.ge(from.atOffset(ZoneOffset.UTC)));
        }
        if (to != null) {
            condition = condition.and(EVENT.STARTS_AT.lt(to.atOffset(ZoneOffset.UTC)));
        }
        return load(db.select(EVENT.ID).from(EVENT).where(condition)
                .orderBy(EVENT.STARTS_AT.asc(), EVENT.ID.asc())
                .fetch(EVENT.ID));
    }

    /** Upcoming public events (from now on, soonest first) of the given communities. */
    public List<Event> upcoming(Collection<Long> communityIds, int limit) {
        Instant now = clock.instant();
        return load(db.select(EVENT.ID).from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(communityIds).and(EVENT.ENDS_AT.ge(now.atOffset(ZoneOffset.UTC))))
                .and(Events.isPublic())
                .orderBy(EVENT.STARTS_AT.asc(), EVENT.ID.asc())
                .limit(limit)
                .fetch(EVENT.ID));
    }

    /** Past public events of the given communities, latest first. */
    public List<Event> past(Collection<Long> communityIds, int limit) {
        Instant now = clock.instant();
        return load(db.select(EVENT.ID).from(EVENT)
                .where(EVENT.COMMUNITY_ID.in(communityIds).and(EVENT.ENDS_AT.lt(now.atOffset(ZoneOffset.UTC))))
                .and(Events.isPublic())
                .orderBy(EVENT.STARTS_AT.desc(), EVENT.ID.desc())
                .limit(limit)
                .fetch(EVENT.ID));
    }

    /** Staff search: title or hashtag contains the text, optionally within some communities; latest first. */
    public EventSearchPage search(long organizationId, String text, Collection<Long> communityIds, int page, int size) {
        Condition condition = EVENT.ORGANIZATION_ID.eq(organizationId);
        if (text != null && !text.isBlank()) {
            // the escape character itself first, so that a text ending in a backslash is looked for, not an error
            String pattern = "%" + text.strip().toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            condition = condition.and(DSL.lower(EVENT.TITLE).like(pattern, '\\')
                    .or(DSL.lower(EVENT.HASHTAG).like(pattern, '\\')));
        }
        if (communityIds != null && !communityIds.isEmpty()) {
            condition = condition.and(EVENT.COMMUNITY_ID.in(communityIds));
        }
        int total = db.fetchCount(EVENT, condition);
        List<Event> found = load(db.select(EVENT.ID).from(EVENT).where(condition)
                .orderBy(EVENT.STARTS_AT.desc(), EVENT.ID.desc())
                .limit(size).offset(Math.max(0, page) * size)
                .fetch(EVENT.ID));
        return new EventSearchPage(found, page, size, total);
    }

    private List<Event> load(List<Long> ids) {
        Map<Long, Event> byId = events.findAllById(ids).stream().collect(Collectors.toMap(Event::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }
}
