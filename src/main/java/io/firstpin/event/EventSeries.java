package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_SERIES;

import io.firstpin.community.Community;
import io.firstpin.event.internal.EventRepository;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.db.tables.records.EventSeriesRecord;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A community's event series (連番の勉強会) and the numbers of their events. */
@Service
public class EventSeries {

    private final DSLContext db;
    private final EventRepository events;
    private final Clock clock;

    EventSeries(DSLContext db, EventRepository events, Clock clock) {
        this.db = db;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Series start(Community community, String name, String numbering) {
        Series series = new Series(null, community.organizationId(), community.id(), name, numbering,
                clock.instant());
        long id = db.insertInto(EVENT_SERIES)
                .set(EVENT_SERIES.ORGANIZATION_ID, series.organizationId())
                .set(EVENT_SERIES.COMMUNITY_ID, series.communityId())
                .set(EVENT_SERIES.NAME, series.name())
                .set(EVENT_SERIES.NUMBERING, series.numbering())
                .set(EVENT_SERIES.CREATED_AT, series.createdAt().atOffset(ZoneOffset.UTC))
                .returning(EVENT_SERIES.ID)
                .fetchOne(EVENT_SERIES.ID);
        return find(id).orElseThrow();
    }

    /** Starts a series with the event as its first numbered one (the number given, or 1): both or neither. */
    @Transactional
    public Series startWith(Community community, String name, String numbering, long eventId, Integer number) {
        Series started = start(community, name, numbering);
        number(community.organizationId(), eventId, started.id(), number);
        return started;
    }

    /** The community's series, by name. */
    public List<Series> of(long communityId) {
        return db.selectFrom(EVENT_SERIES).where(EVENT_SERIES.COMMUNITY_ID.eq(communityId))
                .orderBy(EVENT_SERIES.NAME, EVENT_SERIES.ID)
                .fetch(EventSeries::toSeries);
    }

    /** For public pages: any series, whoever asks. */
    public Optional<Series> find(long seriesId) {
        return db.selectFrom(EVENT_SERIES).where(EVENT_SERIES.ID.eq(seriesId)).fetchOptional(EventSeries::toSeries);
    }

    /** A series of the organization; another organization's is reported as not found. */
    public Series inOrganization(long organizationId, long seriesId) {
        return find(seriesId).filter(series -> series.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("series", seriesId));
    }

    /**
     * Puts the event into the series with the number given, or the next free one (one past the highest); a number
     * another event of the series holds is refused.
     */
    @Transactional
    public Event number(long organizationId, long eventId, long seriesId, Integer number) {
        Series series = inOrganization(organizationId, seriesId);
        Event event = events.findByOrganizationIdAndId(organizationId, eventId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        int wanted = number != null ? number : nextNumber(seriesId);
        boolean taken = db.fetchExists(EVENT, EVENT.SERIES_ID.eq(seriesId).and(EVENT.SERIES_NUMBER.eq(wanted))
                .and(EVENT.ID.ne(eventId)));
        if (taken) {
            throw new ConflictException("number", "event.series.number-taken", series.label(wanted));
        }
        event.joinSeries(series, wanted);
        try {
            return events.save(event);
        } catch (DuplicateKeyException numberedConcurrently) {
            throw new ConflictException("number", "event.series.number-taken", series.label(wanted));
        }
    }

    /** One past the highest number in the series; 1 for an empty one. */
    public int nextNumber(long seriesId) {
        Integer highest = db.select(DSL.max(EVENT.SERIES_NUMBER)).from(EVENT).where(EVENT.SERIES_ID.eq(seriesId))
                .fetchOne(0, Integer.class);
        return highest == null ? 1 : highest + 1;
    }

    /** The series' events by number. */
    public List<Event> events(long seriesId) {
        List<Long> ids = db.select(EVENT.ID).from(EVENT).where(EVENT.SERIES_ID.eq(seriesId))
                .orderBy(EVENT.SERIES_NUMBER).fetch(EVENT.ID);
        Map<Long, Event> byId = events.findAllById(ids).stream()
                .collect(Collectors.toMap(Event::id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** "The next one": the public event of the same series with the next higher number, if there is one yet. */
    public Optional<Event> next(Event event) {
        if (event.seriesId() == null) {
            return Optional.empty();
        }
        return db.select(EVENT.ID).from(EVENT)
                .where(EVENT.SERIES_ID.eq(event.seriesId()).and(EVENT.SERIES_NUMBER.gt(event.seriesNumber())))
                .and(Events.isPublic())
                .orderBy(EVENT.SERIES_NUMBER).limit(1)
                .fetchOptional(EVENT.ID)
                .flatMap(events::findById);
    }

    private static Series toSeries(EventSeriesRecord row) {
        return new Series(row.getId(), row.getOrganizationId(), row.getCommunityId(), row.getName(),
                row.getNumbering(), row.getCreatedAt().toInstant());
    }
}
