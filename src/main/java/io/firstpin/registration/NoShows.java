package io.firstpin.registration;

import static io.firstpin.platform.db.Tables.REGISTRATION;

import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.EventReads;
import io.firstpin.platform.Medians;
import io.firstpin.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * No-shows (docs/kpis.md): confirmed registrants who did not check in, over the confirmed, counted only for events that
 * have check-in data at all; an event nobody checked in to says nothing about who came. Per event, per member, and as
 * the overbooking margin a community's own history suggests.
 */
@Service
@Transactional(readOnly = true)
public class NoShows {

    /** How many of a community's latest events with check-ins the suggestion looks at, and how many it needs. */
    static final int HISTORY = 10;
    static final int ENOUGH_HISTORY = 3;

    private final DSLContext db;
    private final Events events;
    private final AttendanceLookup attendance;
    private final Clock clock;

    NoShows(DSLContext db, Events events, AttendanceLookup attendance, Clock clock) {
        this.db = db;
        this.events = events;
        this.attendance = attendance;
        this.clock = clock;
    }

    /** The event's no-show rate; empty while nobody has checked in to it. */
    public Optional<Rate> ofEvent(long eventId) {
        if (!db.fetchExists(DSL.selectOne().where(attendance.anyoneCheckedIn(DSL.val(eventId))))) {
            return Optional.empty();
        }
        var row = db.select(DSL.count(), checkedInCount())
                .from(REGISTRATION)
                .where(REGISTRATION.EVENT_ID.eq(eventId))
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name()))
                .fetchOne();
        return Optional.of(new Rate(row.value1(), row.value1() - row.value2()));
    }

    /**
     * For each person registered for the event, their record at the organization's other events that have started and
     * have check-in data; people without such a record are missing from the map.
     */
    public Map<Long, Rate> ofRegistrantsOf(long eventId) {
        Condition registrants = REGISTRATION.MEMBER_ID.in(
                DSL.select(REGISTRATION.as("here").MEMBER_ID).from(REGISTRATION.as("here"))
                        .where(REGISTRATION.as("here").EVENT_ID.eq(eventId)));
        return history(registrants.and(REGISTRATION.EVENT_ID.ne(eventId)))
                .collect(Collectors.groupingBy(Past::memberId,
                        Collectors.reducing(Rate.NONE, Past::rate, Rate::plus)));
    }

    /** The member's confirmed registrations at events with check-in data, newest first, and their rate. */
    public MemberRecord ofMember(long organizationId, long memberId) {
        List<Past> past = history(REGISTRATION.ORGANIZATION_ID.eq(organizationId)
                .and(REGISTRATION.MEMBER_ID.eq(memberId)))
                .sorted(Comparator.comparing(Past::startsAt).reversed())
                .toList();
        return new MemberRecord(past, past.stream().map(Past::rate).reduce(Rate.NONE, Rate::plus));
    }

    /**
     * Extra seats to accept so that, with the community's usual no-shows, the room is about full: with no-show rate r,
     * capacity c becomes c / (1 - r), rounded down. r is the median of the community's latest events with check-in
     * data before this one, so one odd event does not sway it. Empty with too little history or for a past event.
     */
    public Optional<Suggestion> suggestion(long organizationId, long eventId) {
        EventSummary event = events.summary(eventId).filter(e -> e.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        if (!event.startsAt().isAfter(clock.instant())) {
            return Optional.empty();
        }
        EventReads before = EventReads.events();
        List<Double> rates = db.select(before.id(), DSL.count(), checkedInCount())
                .from(before.table())
                .join(REGISTRATION).on(REGISTRATION.EVENT_ID.eq(before.id())
                        .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name())))
                .where(before.communityId().eq(event.communityId()))
                .and(before.startsAt().lt(event.startsAt().atOffset(ZoneOffset.UTC)))
                .and(attendance.anyoneCheckedIn(before.id()))
                .groupBy(before.id(), before.startsAt())
                .orderBy(before.startsAt().desc(), before.id().desc())
                .limit(HISTORY)
                .fetch(row -> new Rate(row.value2(), row.value2() - row.value3()).ratio());
        if (rates.size() < ENOUGH_HISTORY) {
            return Optional.empty();
        }
        double median = Medians.of(rates).orElseThrow();
        List<FrameMargin> frames = new ArrayList<>();
        for (Frame frame : events.frames(eventId)) {
            if (frame.capacity() != null) {
                frames.add(new FrameMargin(frame, margin(frame.capacity(), median)));
            }
        }
        return Optional.of(new Suggestion(rates.size(), median, frames));
    }

    static int margin(int capacity, double noShowRate) {
        if (noShowRate <= 0 || noShowRate >= 1) {
            return 0;
        }
        return (int) Math.floor(capacity / (1 - noShowRate) + 1e-9) - capacity;
    }


    private java.util.stream.Stream<Past> history(Condition whose) {
        EventReads started = EventReads.events();
        return db.select(REGISTRATION.MEMBER_ID, started.id(), started.title(), started.startsAt(),
                        DSL.field(attendance.checkedIn(REGISTRATION.EVENT_ID, REGISTRATION.MEMBER_ID)))
                .from(REGISTRATION)
                .join(started.table()).on(started.id().eq(REGISTRATION.EVENT_ID))
                .and(started.startsAt().le(clock.instant().atOffset(ZoneOffset.UTC)))
                .where(whose)
                .and(REGISTRATION.STATUS.eq(RegistrationStatus.CONFIRMED.name()))
                .and(attendance.anyoneCheckedIn(REGISTRATION.EVENT_ID))
                .fetch(row -> new Past(row.value1(), row.value2(), row.value3(), row.value4().toInstant(),
                        Boolean.TRUE.equals(row.value5())))
                .stream();
    }

    /** Of the registrations counted, how many checked in (a member checks in at most once per event). */
    private Field<Integer> checkedInCount() {
        return DSL.count(DSL.when(attendance.checkedIn(REGISTRATION.EVENT_ID, REGISTRATION.MEMBER_ID), 1));
    }

    /** Of {@code confirmed} registrations, {@code noShows} did not check in. */
    public record Rate(int confirmed, int noShows) {

        static final Rate NONE = new Rate(0, 0);

        Rate plus(Rate other) {
            return new Rate(confirmed + other.confirmed, noShows + other.noShows);
        }

        /** Between 0 and 1; 0 when nobody was confirmed. */
        public double ratio() {
            return confirmed == 0 ? 0 : (double) noShows / confirmed;
        }

        public int percent() {
            return (int) Math.round(100 * ratio());
        }
    }

    /** A confirmed registration at an event that had started and had check-ins. */
    public record Past(long memberId, long eventId, String eventTitle, Instant startsAt, boolean attended) {

        Rate rate() {
            return new Rate(1, attended ? 0 : 1);
        }
    }

    public record MemberRecord(List<Past> events, Rate rate) {

        static final int RECENT = 20;

        public List<Past> recent() {
            return events.subList(0, Math.min(RECENT, events.size()));
        }
    }

    /**
     * @param events how many past events of the community the median comes from
     * @param noShowRate their median no-show rate
     */
    public record Suggestion(int events, double noShowRate, List<FrameMargin> frames) {

        public int percent() {
            return (int) Math.round(100 * noShowRate);
        }
    }

    /** The extra seats to accept in a frame of a given capacity. */
    public record FrameMargin(Frame frame, int extraSeats) {

        public int suggestedCapacity() {
            return frame.capacity() + extraSeats;
        }
    }
}
