package io.firstpin.demo;

import static io.firstpin.platform.db.Tables.ATTENDANCE;
import static io.firstpin.platform.db.Tables.EVENT;
import static io.firstpin.platform.db.Tables.LEADER_ROLE;
import static io.firstpin.platform.db.Tables.MEMBER;
import static io.firstpin.platform.db.Tables.MEMBER_AUDIENCE;
import static io.firstpin.platform.db.Tables.ORGANIZATION;
import static io.firstpin.platform.db.Tables.OUTPUT;
import static io.firstpin.platform.db.Tables.OUTPUT_LINK;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/** Reads the demo organization back and computes KPIs the way docs/kpis.md defines them, with plain queries. */
final class DemoFacts {

    record PastEvent(long id, long communityId, String kind, OffsetDateTime startsAt, Set<Long> attendees) {
    }

    final long organizationId;
    final Set<Long> staff;
    /** Past events in KPI order (start time, then id), with their non-staff attendees. */
    final List<PastEvent> pastEvents;

    DemoFacts(DSLContext db, OffsetDateTime now) {
        organizationId = db.select(ORGANIZATION.ID).from(ORGANIZATION)
                .where(ORGANIZATION.SLUG.eq(DemoDataGenerator.ORGANIZATION_SLUG)).fetchSingle().value1();
        staff = new HashSet<>(db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ORGANIZATION_ID.eq(organizationId).and(MEMBER.STAFF.isTrue())).fetch(MEMBER.ID));
        Map<Long, Set<Long>> checkedIn = new HashMap<>();
        db.select(ATTENDANCE.EVENT_ID, ATTENDANCE.MEMBER_ID).from(ATTENDANCE)
                .where(ATTENDANCE.ORGANIZATION_ID.eq(organizationId))
                .forEach(r -> checkedIn.computeIfAbsent(r.value1(), e -> new HashSet<>()).add(r.value2()));
        Map<Long, Set<Long>> confirmed = new HashMap<>();
        db.select(REGISTRATION.EVENT_ID, REGISTRATION.MEMBER_ID).from(REGISTRATION)
                .where(REGISTRATION.ORGANIZATION_ID.eq(organizationId).and(REGISTRATION.STATUS.eq("CONFIRMED")))
                .forEach(r -> confirmed.computeIfAbsent(r.value1(), e -> new HashSet<>()).add(r.value2()));
        pastEvents = new ArrayList<>();
        db.select(EVENT.ID, EVENT.COMMUNITY_ID, EVENT.KIND, EVENT.STARTS_AT).from(EVENT)
                .where(EVENT.ORGANIZATION_ID.eq(organizationId).and(EVENT.ENDS_AT.le(now)))
                .orderBy(EVENT.STARTS_AT, EVENT.ID)
                .forEach(r -> {
                    // attendance by registration when the event has no check-in data at all
                    Set<Long> attendees = new HashSet<>(checkedIn.containsKey(r.value1())
                            ? checkedIn.get(r.value1()) : confirmed.getOrDefault(r.value1(), Set.of()));
                    attendees.removeAll(staff);
                    pastEvents.add(new PastEvent(r.value1(), r.value2(), r.value3(), r.value4(), attendees));
                });
    }

    /**
     * newcomers(e) / attendees(e), the scope being the event's own community; an event that is the first of its
     * community is left out, since everybody is new there by definition.
     */
    Map<PastEvent, Double> newcomerRatios() {
        Map<Long, Set<Long>> seen = new HashMap<>();
        Map<PastEvent, Double> ratios = new LinkedHashMap<>();
        for (PastEvent event : pastEvents) {
            Set<Long> before = seen.computeIfAbsent(event.communityId(), c -> new HashSet<>());
            if (!before.isEmpty() && !event.attendees().isEmpty()) {
                long newcomers = event.attendees().stream().filter(m -> !before.contains(m)).count();
                ratios.put(event, newcomers / (double) event.attendees().size());
            }
            before.addAll(event.attendees());
        }
        return ratios;
    }

    /** Attended events per participant over the whole history. */
    Map<Long, Integer> attendedEvents() {
        Map<Long, Integer> counts = new HashMap<>();
        for (PastEvent event : pastEvents) {
            event.attendees().forEach(m -> counts.merge(m, 1, Integer::sum));
        }
        return counts;
    }

    /** What two generations with the same seed must agree on, independent of the ids the database assigned. */
    static String checksum(DSLContext db) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Map<Long, Integer> memberPosition = new HashMap<>();
        for (var member : db.select(MEMBER.ID, MEMBER.DISPLAY_NAME, MEMBER.STAFF).from(MEMBER).orderBy(MEMBER.ID).fetch()) {
            memberPosition.put(member.value1(), memberPosition.size());
            digest.update((member.value2() + "|" + member.value3() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Map<Long, Integer> eventPosition = new HashMap<>();
        for (var event : db.select(EVENT.ID, EVENT.TITLE, EVENT.STARTS_AT).from(EVENT).orderBy(EVENT.ID).fetch()) {
            eventPosition.put(event.value1(), eventPosition.size());
            digest.update((event.value2() + "|" + event.value3().toInstant() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (var attendance : db.select(ATTENDANCE.EVENT_ID, ATTENDANCE.MEMBER_ID, ATTENDANCE.METHOD).from(ATTENDANCE)
                .orderBy(ATTENDANCE.EVENT_ID, ATTENDANCE.MEMBER_ID).fetch()) {
            digest.update((eventPosition.get(attendance.value1()) + ">" + memberPosition.get(attendance.value2()) + "|"
                    + attendance.value3() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (var event : db.select(EVENT.ID, EVENT.PARENT_EVENT_ID).from(EVENT).where(EVENT.PARENT_EVENT_ID.isNotNull())
                .orderBy(EVENT.ID).fetch()) {
            digest.update((eventPosition.get(event.value1()) + "<" + eventPosition.get(event.value2()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (var output : db.select(OUTPUT.URL, OUTPUT.KIND, OUTPUT.AUTHOR_MEMBER_ID, OUTPUT.PUBLISHED_AT,
                OUTPUT_LINK.EVENT_ID).from(OUTPUT).join(OUTPUT_LINK).on(OUTPUT_LINK.OUTPUT_ID.eq(OUTPUT.ID))
                .orderBy(OUTPUT.ID).fetch()) {
            digest.update((output.value1() + "|" + output.value2() + "|" + memberPosition.get(output.value3()) + "|"
                    + output.value4().toInstant() + "|" + eventPosition.get(output.value5()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (var answer : db.select(SURVEY_RESPONSE.EVENT_ID, SURVEY_RESPONSE.MEMBER_ID, SURVEY_RESPONSE.NPS,
                SURVEY_RESPONSE.CES, SURVEY_RESPONSE.HEAT, SURVEY_RESPONSE.ANONYMOUS).from(SURVEY_RESPONSE)
                .orderBy(SURVEY_RESPONSE.EVENT_ID, SURVEY_RESPONSE.MEMBER_ID).fetch()) {
            digest.update((eventPosition.get(answer.value1()) + ">" + memberPosition.get(answer.value2()) + "|"
                    + answer.value3() + "|" + answer.value4() + "|" + answer.value5() + "|" + answer.value6() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        for (var audience : db.select(MEMBER_AUDIENCE.MEMBER_ID, MEMBER_AUDIENCE.CHANNEL, MEMBER_AUDIENCE.AUDIENCE_SIZE)
                .from(MEMBER_AUDIENCE).orderBy(MEMBER_AUDIENCE.ID).fetch()) {
            digest.update((memberPosition.get(audience.value1()) + "|" + audience.value2() + "|" + audience.value3()
                    + "\n").getBytes(StandardCharsets.UTF_8));
        }
        for (var role : db.select(LEADER_ROLE.MEMBER_ID, LEADER_ROLE.STARTED_ON, LEADER_ROLE.ENDED_ON).from(LEADER_ROLE)
                .orderBy(LEADER_ROLE.ID).fetch()) {
            digest.update((memberPosition.get(role.value1()) + "|" + role.value2() + "|" + role.value3() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
