package io.firstpin.event;

import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.FRAME;

import io.firstpin.community.Community;
import io.firstpin.community.CommunityNames;
import io.firstpin.event.internal.EventRepository;
import io.firstpin.event.internal.FrameRepository;
import io.firstpin.member.Members;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.NotFoundException;
import io.firstpin.platform.geo.Prefecture;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plans and revises events with their agenda and frames; finds one event, its frames and seats. Lists of events are
 * {@link EventListings}'. */
@Service
public class Events {

    private final EventRepository events;
    private final FrameRepository frames;
    private final FrameOccupancy occupancy;
    private final Members members;
    private final DSLContext db;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    Events(EventRepository events, FrameRepository frames, FrameOccupancy occupancy, Members members, DSLContext db,
            ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.frames = frames;
        this.occupancy = occupancy;
        this.members = members;
        this.db = db;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Plans an event of the community; with no frames given it opens one unlimited general frame. */
    @Transactional
    public Event plan(Community community, EventDetails details, List<SessionPlan> agenda, List<FramePlan> framePlans,
            String defaultFrameName) {
        return plan(community, details, agenda, framePlans, defaultFrameName, RegistrationWindow.UNTIL_THE_EVENT_ENDS);
    }

    @Transactional
    public Event plan(Community community, EventDetails details, List<SessionPlan> agenda, List<FramePlan> framePlans,
            String defaultFrameName, RegistrationWindow window) {
        return plan(community, details, agenda, framePlans, defaultFrameName, window, null);
    }

    /**
     * Plans an event, as a sub-event (e.g. the 懇親会) of {@code parentEventId} when that is given: an event of the same
     * community that is no sub-event itself; an unknown id or another organization's is refused on {@code parentEvent}.
     */
    @Transactional
    public Event plan(Community community, EventDetails details, List<SessionPlan> agenda, List<FramePlan> framePlans,
            String defaultFrameName, RegistrationWindow window, Long parentEventId) {
        return plan(community, details, agenda, framePlans, defaultFrameName, window, parentEventId, false);
    }

    @Transactional
    public Event planDraft(Community community, EventDetails details, List<SessionPlan> agenda,
            List<FramePlan> framePlans, String defaultFrameName, RegistrationWindow window) {
        return planDraft(community, details, agenda, framePlans, defaultFrameName, window, null);
    }

    /**
     * Plans an event as a draft: staff see it, nobody else does, and nobody hears of it until it is published. A
     * sub-event's parent is given as for {@link #plan(Community, EventDetails, List, List, String, RegistrationWindow,
     * Long)}.
     */
    @Transactional
    public Event planDraft(Community community, EventDetails details, List<SessionPlan> agenda,
            List<FramePlan> framePlans, String defaultFrameName, RegistrationWindow window, Long parentEventId) {
        return plan(community, details, agenda, framePlans, defaultFrameName, window, parentEventId, true);
    }

    private Event plan(Community community, EventDetails details, List<SessionPlan> agenda, List<FramePlan> framePlans,
            String defaultFrameName, RegistrationWindow window, Long parentEventId, boolean draft) {
        List<FramePlan> wanted = framePlans.isEmpty() ? List.of(FramePlan.general(defaultFrameName)) : framePlans;
        requireDistinctNames(wanted);
        Event planned = Event.plan(community.organizationId(), community.id(), details,
                sessions(community.organizationId(), agenda), clock.instant());
        if (draft) {
            planned.keepAsDraft();
        }
        if (parentEventId != null) {
            planned.attachTo(events.findByOrganizationIdAndId(community.organizationId(), parentEventId)
                    .orElseThrow(() -> InvalidInputException.of("parentEvent", "event.parent.unknown", parentEventId)));
        }
        planned.scheduleRegistration(window.opensAt(), window.closesAt());
        Event event = events.save(planned);
        for (int i = 0; i < wanted.size(); i++) {
            if (wanted.get(i).id() != null) {
                throw InvalidInputException.of(frameField(i, "id"), "event.frame.unknown-id");
            }
            frames.save(open(event, wanted.get(i), i));
        }
        publisher.publishEvent(new AgendaChanged(event.id()));
        return event;
    }

    /**
     * Changes an event. Frames are matched by id: a frame missing from the plan is closed, which is refused while it
     * holds registrations; a capacity below the confirmed registrations is refused too.
     */
    @Transactional
    public Event revise(long organizationId, long eventId, EventDetails details, List<SessionPlan> agenda,
            List<FramePlan> framePlans, RegistrationWindow window) {
        Event event = inOrganization(organizationId, eventId);
        if (framePlans.isEmpty()) {
            throw InvalidInputException.of("frames", "event.frame.at-least-one");
        }
        requireDistinctNames(framePlans);
        lockFrames(eventId);
        event.describe(details);
        event.scheduleRegistration(window.opensAt(), window.closesAt());
        event.setAgenda(sessions(organizationId, agenda));
        events.save(event);

        Map<Long, Frame> existing = frames.findByEventIdOrderByDisplayOrder(eventId).stream()
                .collect(Collectors.toMap(Frame::id, Function.identity()));
        Map<Long, FrameOccupancy.Counts> counts = occupancy.ofEvent(eventId);
        Set<Long> kept = new HashSet<>();
        List<Frame> toSave = new ArrayList<>();
        for (int i = 0; i < framePlans.size(); i++) {
            FramePlan plan = framePlans.get(i);
            if (plan.id() == null) {
                toSave.add(open(event, plan, i));
                continue;
            }
            Frame frame = existing.get(plan.id());
            if (frame == null) {
                throw InvalidInputException.of(frameField(i, "id"), "event.frame.unknown-id");
            }
            FrameOccupancy.Counts held = counts.getOrDefault(frame.id(), FrameOccupancy.Counts.NONE);
            if (frame.mode() == FrameMode.LOTTERY && plan.mode() != FrameMode.LOTTERY && held.applied() > 0) {
                throw InvalidInputException.of(frameField(i, "mode"), "event.frame.lottery-pending", frame.name(),
                        held.applied());
            }
            int confirmed = held.confirmed();
            if (plan.capacity() != null && plan.capacity() < confirmed) {
                throw InvalidInputException.of(frameField(i, "capacity"), "event.frame.capacity-below-confirmed",
                        frame.name(), confirmed);
            }
            int index = i;
            withFrameField(index, () -> frame.adjust(plan, index, event.startsAt()));
            kept.add(frame.id());
            toSave.add(frame);
        }
        for (Frame closed : existing.values()) {
            if (!kept.contains(closed.id())) {
                if (counts.getOrDefault(closed.id(), FrameOccupancy.Counts.NONE).total() > 0) {
                    throw InvalidInputException.of("frames", "event.frame.has-registrations", closed.name());
                }
                frames.delete(closed);
            }
        }
        frames.saveAll(toSave);
        publisher.publishEvent(new FramesRevised(event.id()));
        publisher.publishEvent(new AgendaChanged(event.id()));
        return event;
    }

    /**
     * Changes what the event is (title, time, place, online URL) and nothing else: agenda, frames and the registration
     * window stay. Confirmed registrants hear of a place decided or a new online URL.
     */
    @Transactional
    public Event describe(long organizationId, long eventId, EventDetails details) {
        Event event = inOrganization(organizationId, eventId);
        event.describe(details);
        return events.save(event);
    }

    /**
     * The event's frames by name, opening those of the plans the event does not have yet after its others; for
     * imports, which name frames as another site did. Existing frames stay as they are.
     */
    @Transactional
    public Map<String, Long> openFramesNamed(long organizationId, long eventId, List<FramePlan> plans) {
        Event event = inOrganization(organizationId, eventId);
        List<Frame> existing = frames.findByEventIdOrderByDisplayOrder(eventId);
        Map<String, Long> byName = new LinkedHashMap<>();
        existing.forEach(frame -> byName.put(frame.name(), frame.id()));
        int order = existing.stream().mapToInt(Frame::displayOrder).max().orElse(-1) + 1;
        for (FramePlan plan : plans) {
            if (!byName.containsKey(plan.name())) {
                Frame opened = frames.save(Frame.open(event, plan, order++));
                byName.put(opened.name(), opened.id());
            }
        }
        return byName;
    }

    /**
     * Changes one frame's capacity (null: unlimited). It cannot go below the confirmed registrations; when it grows,
     * waiting registrants move up in the same transaction.
     */
    @Transactional
    public Frame resize(long organizationId, long frameId, Integer capacity) {
        Frame frame = frames.findById(frameId)
                .filter(f -> f.organizationId() == organizationId)
                .orElseThrow(() -> NotFoundException.of("frame", frameId));
        Event event = inOrganization(organizationId, frame.eventId());
        lockFrames(event.id());
        int confirmed = occupancy.ofEvent(event.id()).getOrDefault(frameId, FrameOccupancy.Counts.NONE).confirmed();
        if (capacity != null && capacity < confirmed) {
            throw InvalidInputException.of("capacity", "event.frame.capacity-below-confirmed", frame.name(), confirmed);
        }
        frame.adjust(new FramePlan(frame.id(), frame.name(), capacity, frame.mode(), frame.lotteryAt()),
                frame.displayOrder(), event.startsAt());
        Frame saved = frames.save(frame);
        publisher.publishEvent(new FramesRevised(event.id()));
        return saved;
    }

    /**
     * Locks the event's frames, in id order, before their registrations are counted: registering takes the same row
     * lock, so no registration slips in between the count and the new capacity.
     */
    private void lockFrames(long eventId) {
        db.select(FRAME.ID).from(FRAME).where(FRAME.EVENT_ID.eq(eventId)).orderBy(FRAME.ID).forUpdate().fetch();
    }

    /** An event of the organization; another organization's event is reported as not found. */
    public Event inOrganization(long organizationId, long eventId) {
        return events.findByOrganizationIdAndId(organizationId, eventId)
                .orElseThrow(() -> NotFoundException.of("event", eventId));
    }

    /**
     * The prefecture where the community meets most often (the latest event breaks a tie), for new events' forms;
     * none before its first event with a venue.
     */
    public Optional<Prefecture> usualPrefecture(long communityId) {
        var count = DSL.count();
        var latest = DSL.max(EVENT.STARTS_AT);
        return db.select(EVENT.PREFECTURE_CODE, count, latest).from(EVENT)
                .where(EVENT.COMMUNITY_ID.eq(communityId).and(EVENT.PREFECTURE_CODE.isNotNull()))
                .groupBy(EVENT.PREFECTURE_CODE)
                .orderBy(count.desc(), latest.desc())
                .limit(1)
                .fetchOptional(EVENT.PREFECTURE_CODE)
                .flatMap(Prefecture::ofCode);
    }

    /** A query of the ids of the organization's events in these communities, for other modules' subqueries. */
    public Select<Record1<Long>> idsIn(long organizationId, Collection<Long> communityIds) {
        return DSL.select(EVENT.ID).from(EVENT)
                .where(EVENT.ORGANIZATION_ID.eq(organizationId))
                .and(EVENT.COMMUNITY_ID.in(communityIds));
    }

    /** Any event, whoever asks; public pages use {@link #findPublic}. */
    public Optional<Event> find(long eventId) {
        return events.findById(eventId);
    }

    /** For public pages: an event anyone may see; a draft or a hidden event is not found. */
    public Optional<Event> findPublic(long eventId) {
        return events.findById(eventId).filter(Event::isPublic);
    }

    /** Only events anyone may see: for public listings, feeds and calendars. */
    static Condition isPublic() {
        return EVENT.STATUS.in(Arrays.stream(EventStatus.values()).filter(EventStatus::isPublic).map(Enum::name)
                .toList());
    }

    /** The event's essentials in one query, for hot paths that do not need the agenda. */
    public Optional<EventSummary> summary(long eventId) {
        var community = CommunityNames.table();
        Field<String> communityName = CommunityNames.name(community);
        Field<String> timeZone = CommunityNames.timeZone(community);
        return db.select(EVENT.ID, EVENT.ORGANIZATION_ID, EVENT.COMMUNITY_ID, communityName, timeZone,
                        EVENT.TITLE, EVENT.STARTS_AT, EVENT.ENDS_AT, EVENT.ONLINE, EVENT.VENUE_NAME, EVENT.PREFECTURE_CODE,
                        EVENT.CITY, EVENT.REGISTRATION_OPENS_AT, EVENT.REGISTRATION_CLOSES_AT, EVENT.STATUS,
                        EVENT.DATE_UNDECIDED, EVENT.PARENT_EVENT_ID)
                .from(EVENT)
                .join(community).on(CommunityNames.id(community).eq(EVENT.COMMUNITY_ID))
                .where(EVENT.ID.eq(eventId))
                .fetchOptional(row -> new EventSummary(row.get(EVENT.ID), row.get(EVENT.ORGANIZATION_ID),
                        row.get(EVENT.COMMUNITY_ID), row.get(communityName), row.get(timeZone),
                        row.get(EVENT.TITLE), row.get(EVENT.STARTS_AT).toInstant(), row.get(EVENT.ENDS_AT).toInstant(),
                        row.get(EVENT.ONLINE), row.get(EVENT.VENUE_NAME),
                        Prefecture.ofCode(row.get(EVENT.PREFECTURE_CODE)).orElse(null),
                        row.get(EVENT.CITY), new RegistrationWindow(instant(row.get(EVENT.REGISTRATION_OPENS_AT)),
                                instant(row.get(EVENT.REGISTRATION_CLOSES_AT))),
                        Event.takesRegistrations(EventStatus.valueOf(row.get(EVENT.STATUS)),
                                row.get(EVENT.DATE_UNDECIDED)),
                        row.get(EVENT.PARENT_EVENT_ID)));
    }

    /**
     * The online join URL of the event, if it has one. For confirmed registrants (their mails, private page and
     * calendar) and staff only; every public page, feed, calendar and API answer leaves it out.
     */
    public Optional<String> onlineUrl(long eventId) {
        return db.select(EVENT.ONLINE_URL).from(EVENT).where(EVENT.ID.eq(eventId)).fetchOptional(EVENT.ONLINE_URL);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    public List<Frame> frames(long eventId) {
        return frames.findByEventIdOrderByDisplayOrder(eventId);
    }

    public Optional<Frame> frame(long frameId) {
        return frames.findById(frameId);
    }

    public Map<Long, FrameOccupancy.Counts> occupancy(long eventId) {
        return occupancy.ofEvent(eventId);
    }

    /** Speakers' display names for the agenda of the event. */
    public Map<Long, String> speakerNames(Event event) {
        Set<Long> ids = event.sessions().stream().flatMap(s -> s.speakerIds().stream()).collect(Collectors.toSet());
        return ids.isEmpty() ? Map.of() : members.displayNames(event.organizationId(), ids);
    }

    private List<Session> sessions(long organizationId, List<SessionPlan> agenda) {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < agenda.size(); i++) {
            SessionPlan plan = agenda.get(i);
            List<Long> speakers = plan.speakerNames().stream()
                    .map(name -> members.findOrRegisterByDisplayName(organizationId, name).id())
                    .toList();
            try {
                sessions.add(Session.of(plan.kind(), plan.title(), plan.startsAt(), plan.durationMinutes(), speakers,
                        plan.materials()));
            } catch (InvalidInputException e) {
                throw e.within("sessions[" + i + "]");
            }
        }
        return sessions;
    }

    private static Frame open(Event event, FramePlan plan, int index) {
        try {
            return Frame.open(event, plan, index);
        } catch (InvalidInputException e) {
            throw e.within("frames[" + index + "]");
        }
    }

    private static void withFrameField(int index, Runnable change) {
        try {
            change.run();
        } catch (InvalidInputException e) {
            throw e.within("frames[" + index + "]");
        }
    }

    private static String frameField(int index, String field) {
        return "frames[" + index + "]." + field;
    }

    private static void requireDistinctNames(List<FramePlan> plans) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < plans.size(); i++) {
            if (!names.add(plans.get(i).name())) {
                throw InvalidInputException.of(frameField(i, "name"), "validation.frame-name.duplicate");
            }
        }
    }
}
