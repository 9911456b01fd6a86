package io.firstpin.demo;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.COMMUNITY;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.EVENT_RECEPTION;
import static io.firstpin.platform.db.Tables.EVENT_SESSION;
import static io.firstpin.platform.db.Tables.FRAME;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_IDENTITY;
import static io.firstpin.platform.db.Tables.ORGANIZATION;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SESSION_MATERIAL;
import static io.firstpin.platform.db.Tables.SESSION_SPEAKER;

import io.firstpin.demo.DemoPlan.Event;
import io.firstpin.demo.DemoPlan.Frame;
import io.firstpin.demo.DemoPlan.Identity;
import io.firstpin.demo.DemoPlan.Material;
import io.firstpin.demo.DemoPlan.Person;
import io.firstpin.demo.DemoPlan.Registration;
import io.firstpin.demo.DemoPlan.Session;
import io.firstpin.platform.BulkWriter;
import io.firstpin.platform.db.tables.records.EventRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.TableField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a plan a few thousand rows at a time through the platform's {@link BulkWriter} (COPY on PostgreSQL), which
 * also hands out the new ids in row order.
 */
final class DemoWriter {

    private static final int MAX_ROWS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(DemoWriter.class);

    private final DSLContext db;
    private final BulkWriter bulk;

    DemoWriter(DSLContext db, BulkWriter bulk) {
        this.db = db;
        this.bulk = bulk;
    }

    DemoSummary write(long organizationId, long[] communityIds, DemoPlan plan) {
        long started = System.nanoTime();
        List<Person> people = plan.people();
        long[] memberIds = members(organizationId, plan);
        int identities = identities(organizationId, people, memberIds);
        long membersWritten = System.nanoTime();

        List<Event> events = plan.events();
        long[] eventIds = events(organizationId, communityIds, events);

        int sessions = sessions(events, eventIds, memberIds);
        long[] frameIds = frames(organizationId, events, eventIds);
        long eventsWritten = System.nanoTime();

        DemoBatch<?> registrationRows = new DemoBatch<>(bulk, REGISTRATION, REGISTRATION.ID,
                REGISTRATION.ORGANIZATION_ID, REGISTRATION.EVENT_ID, REGISTRATION.FRAME_ID, REGISTRATION.MEMBER_ID,
                REGISTRATION.NAME, REGISTRATION.EMAIL, REGISTRATION.STATUS, REGISTRATION.WAITLIST_POSITION,
                REGISTRATION.REGISTERED_AT, REGISTRATION.RECEPTION_NUMBER);
        // each event's 受付番号 in the order its people registered, and the last one given, as registering numbers them
        DemoBatch<?> receptionRows = new DemoBatch<>(bulk, EVENT_RECEPTION, null, EVENT_RECEPTION.EVENT_ID,
                EVENT_RECEPTION.LAST_NUMBER, EVENT_RECEPTION.IMPORTED);
        DemoBatch<?> attendanceRows = new DemoBatch<>(bulk, ATTENDANCE, null, ATTENDANCE.ORGANIZATION_ID,
                ATTENDANCE.EVENT_ID, ATTENDANCE.MEMBER_ID, ATTENDANCE.REGISTRATION_ID, ATTENDANCE.METHOD,
                ATTENDANCE.CHECKED_IN_AT);
        int firstFrame = 0;
        int registrations = 0;
        long[] allRegistrationIds = new long[events.stream().mapToInt(e -> e.registrations().size()).sum()];
        int attendances = 0;
        List<Registration> pending = new ArrayList<>();
        List<Long> pendingEvents = new ArrayList<>();
        for (int e = 0; e < events.size(); e++) {
            Event event = events.get(e);
            int receptionNumber = 0;
            for (Registration r : event.registrations()) {
                Person person = people.get(r.person());
                registrationRows.add(organizationId, eventIds[e], frameIds[firstFrame + r.frame()], memberIds[r.person()],
                        person.displayName(), person.email(), r.status().name(), r.waitlistPosition(),
                        time(r.registeredAt()), ++receptionNumber);
                pending.add(r);
                pendingEvents.add(eventIds[e]);
                registrations++;
            }
            if (receptionNumber > 0) {
                receptionRows.add(eventIds[e], receptionNumber, false);
            }
            firstFrame += event.frames().size();
            // attendance rows need the registration ids, so flush both together every few thousand registrations
            if (pending.size() >= MAX_ROWS || e == events.size() - 1) {
                long[] registrationIds = registrationRows.finish();
                System.arraycopy(registrationIds, 0, allRegistrationIds, registrations - registrationIds.length,
                        registrationIds.length);
                for (int i = 0; i < pending.size(); i++) {
                    Registration r = pending.get(i);
                    if (r.checkIn() != null) {
                        attendanceRows.add(organizationId, pendingEvents.get(i), memberIds[r.person()],
                                registrationIds[i], r.checkIn().name(), time(r.checkedInAt()));
                        attendances++;
                    }
                }
                attendanceRows.finish();
                pending.clear();
                pendingEvents.clear();
            }
        }
        receptionRows.finish();
        leaderRoles(organizationId, communityIds, memberIds, plan);
        long historyWritten = System.nanoTime();
        DemoAftermathWriter.Written aftermath = new DemoAftermathWriter(bulk).write(organizationId, plan.aftermath(),
                memberIds, eventIds, allRegistrationIds);
        backdate(organizationId, communityIds, plan);
        log.debug("Demo rows written: members and identities {} ms, events with agendas and frames {} ms, "
                + "registrations, attendance and leaders {} ms, outputs, surveys and audiences {} ms",
                (membersWritten - started) / 1_000_000, (eventsWritten - membersWritten) / 1_000_000,
                (historyWritten - eventsWritten) / 1_000_000, (System.nanoTime() - historyWritten) / 1_000_000);
        return new DemoSummary(communityIds.length, people.size(), identities, events.size(), sessions,
                frameIds.length, registrations, attendances, aftermath.outputs(), aftermath.feeds(),
                aftermath.answers(), aftermath.audiences());
    }

    /**
     * The events, sub-events after the others: an after-party names its study session, whose id must exist first.
     * Answers the ids in the plan's order.
     */
    private long[] events(long organizationId, long[] communityIds, List<Event> events) {
        long[] eventIds = new long[events.size()];
        DemoBatch<?> parents = eventRows(null);
        DemoBatch<?> subEvents = eventRows(EVENT.PARENT_EVENT_ID);
        for (boolean sub : new boolean[] {false, true}) {
            DemoBatch<?> rows = sub ? subEvents : parents;
            Ints positions = new Ints(events.size());
            for (int i = 0; i < events.size(); i++) {
                Event e = events.get(i);
                if (e.subEvent() != sub) {
                    continue;
                }
                List<Object> values = new ArrayList<>(List.of(organizationId, communityIds[e.community()]));
                values.addAll(Arrays.asList(e.title(), e.description(), e.kind().name(), time(e.startsAt()),
                        time(e.endsAt()), e.online(), e.onlineUrl(), e.venueName(), e.venueAddress(),
                        e.prefectureCode(), e.city(), e.hashtag(), time(e.createdAt())));
                if (sub) {
                    values.add(eventIds[e.parent()]);
                }
                rows.add(values.toArray());
                positions.add(i);
            }
            long[] ids = rows.finish();
            for (int k = 0; k < ids.length; k++) {
                eventIds[positions.get(k)] = ids[k];
            }
        }
        return eventIds;
    }

    private DemoBatch<?> eventRows(TableField<EventRecord, Long> parent) {
        List<TableField<EventRecord, ?>> columns = new ArrayList<>(List.of(EVENT.ORGANIZATION_ID, EVENT.COMMUNITY_ID,
                EVENT.TITLE, EVENT.DESCRIPTION, EVENT.KIND, EVENT.STARTS_AT, EVENT.ENDS_AT, EVENT.ONLINE,
                EVENT.ONLINE_URL, EVENT.VENUE_NAME, EVENT.VENUE_ADDRESS, EVENT.PREFECTURE_CODE, EVENT.CITY,
                EVENT.HASHTAG, EVENT.CREATED_AT));
        if (parent != null) {
            columns.add(parent);
        }
        @SuppressWarnings("unchecked")
        TableField<EventRecord, ?>[] array = columns.toArray(TableField[]::new);
        return new DemoBatch<>(bulk, EVENT, EVENT.ID, array);
    }

    private void leaderRoles(long organizationId, long[] communityIds, long[] memberIds, DemoPlan plan) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, LEADER_ROLE, null, LEADER_ROLE.ORGANIZATION_ID, LEADER_ROLE.COMMUNITY_ID,
                LEADER_ROLE.MEMBER_ID, LEADER_ROLE.STARTED_ON, LEADER_ROLE.ENDED_ON, LEADER_ROLE.CREATED_AT);
        for (DemoLeaders.Role role : DemoLeaders.plan(plan)) {
            rows.add(organizationId, communityIds[role.community()], memberIds[role.person()], role.startedOn(),
                    role.endedOn(), time(plan.historyStart()));
        }
        rows.finish();
    }

    private long[] members(long organizationId, DemoPlan plan) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, MEMBER, MEMBER.ID, MEMBER.ORGANIZATION_ID, MEMBER.DISPLAY_NAME, MEMBER.STAFF,
                MEMBER.CREATED_AT);
        for (int m = 0; m < plan.people().size(); m++) {
            Person person = plan.people().get(m);
            rows.add(organizationId, person.displayName(), person.staff(), time(plan.memberCreatedAt()[m]));
        }
        return rows.finish();
    }

    private int identities(long organizationId, List<Person> people, long[] memberIds) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, MEMBER_IDENTITY, null, MEMBER_IDENTITY.ORGANIZATION_ID, MEMBER_IDENTITY.MEMBER_ID,
                MEMBER_IDENTITY.KIND, MEMBER_IDENTITY.IDENTITY_VALUE, MEMBER_IDENTITY.NORMALIZED_VALUE);
        int count = 0;
        for (int m = 0; m < people.size(); m++) {
            for (Identity identity : people.get(m).identities()) {
                rows.add(organizationId, memberIds[m], identity.kind().name(), identity.value(), identity.normalized());
                count++;
            }
        }
        rows.finish();
        return count;
    }

    private int sessions(List<Event> events, long[] eventIds, long[] memberIds) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, EVENT_SESSION, EVENT_SESSION.ID, EVENT_SESSION.EVENT_ID, EVENT_SESSION.EVENT_KEY,
                EVENT_SESSION.KIND, EVENT_SESSION.TITLE, EVENT_SESSION.STARTS_AT, EVENT_SESSION.DURATION_MINUTES);
        List<Session> all = new ArrayList<>();
        for (int e = 0; e < events.size(); e++) {
            List<Session> sessions = events.get(e).sessions();
            for (int key = 0; key < sessions.size(); key++) {
                Session s = sessions.get(key);
                rows.add(eventIds[e], key, s.kind().name(), s.title(), s.startsAt() == null ? null : time(s.startsAt()),
                        s.durationMinutes());
                all.add(s);
            }
        }
        long[] sessionIds = rows.finish();
        DemoBatch<?> speakers = new DemoBatch<>(bulk, SESSION_SPEAKER, null, SESSION_SPEAKER.EVENT_SESSION_ID,
                SESSION_SPEAKER.EVENT_SESSION_KEY, SESSION_SPEAKER.MEMBER_ID);
        DemoBatch<?> materials = new DemoBatch<>(bulk, SESSION_MATERIAL, null, SESSION_MATERIAL.EVENT_SESSION_ID,
                SESSION_MATERIAL.EVENT_SESSION_KEY, SESSION_MATERIAL.KIND, SESSION_MATERIAL.URL, SESSION_MATERIAL.TITLE);
        for (int i = 0; i < all.size(); i++) {
            Session s = all.get(i);
            for (int key = 0; key < s.speakers().length; key++) {
                speakers.add(sessionIds[i], key, memberIds[s.speakers()[key]]);
            }
            for (int key = 0; key < s.materials().size(); key++) {
                Material material = s.materials().get(key);
                materials.add(sessionIds[i], key, material.kind().name(), material.url(), material.title());
            }
        }
        speakers.finish();
        materials.finish();
        return all.size();
    }

    private long[] frames(long organizationId, List<Event> events, long[] eventIds) {
        DemoBatch<?> rows = new DemoBatch<>(bulk, FRAME, FRAME.ID, FRAME.ORGANIZATION_ID, FRAME.EVENT_ID, FRAME.NAME, FRAME.CAPACITY,
                FRAME.MODE, FRAME.LOTTERY_AT, FRAME.DISPLAY_ORDER);
        for (int e = 0; e < events.size(); e++) {
            List<Frame> frames = events.get(e).frames();
            for (int order = 0; order < frames.size(); order++) {
                Frame f = frames.get(order);
                rows.add(organizationId, eventIds[e], f.name(), f.capacity(), f.mode().name(),
                        f.lotteryAt() == null ? null : time(f.lotteryAt()), order);
            }
        }
        return rows.finish();
    }

    /**
     * The services stamp the organization and its communities with today's date; the demo's history is older, and
     * KPIs such as "days from a branch's creation to its first event" need creation dates that precede the events.
     */
    private void backdate(long organizationId, long[] communityIds, DemoPlan plan) {
        long founded = plan.historyStart() - 400 * DemoSchedule.DAY;
        db.update(ORGANIZATION).set(ORGANIZATION.CREATED_AT, time(founded)).where(ORGANIZATION.ID.eq(organizationId))
                .execute();
        long[] firstEvent = new long[communityIds.length];
        Arrays.fill(firstEvent, Long.MAX_VALUE);
        for (Event e : plan.events()) {
            firstEvent[e.community()] = Math.min(firstEvent[e.community()], e.startsAt());
        }
        for (int c = 0; c < communityIds.length; c++) {
            long created = c == 0 ? founded : Math.max(founded, firstEvent[c] - (20 + 7L * c) * DemoSchedule.DAY);
            db.update(COMMUNITY).set(COMMUNITY.CREATED_AT, time(created)).where(COMMUNITY.ID.eq(communityIds[c])).execute();
        }
    }

    static OffsetDateTime time(long epochSecond) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), DemoSchedule.TOKYO);
    }
}
