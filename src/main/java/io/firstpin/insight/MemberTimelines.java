package io.firstpin.insight;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.insight.MemberTimeline.CommunityStep;
import io.firstpin.insight.MemberTimeline.Item;
import io.firstpin.insight.MemberTimeline.Kind;
import io.firstpin.insight.internal.ActivityQueries;
import io.firstpin.insight.internal.ActivityQueries.LinkRow;
import io.firstpin.insight.internal.ActivityQueries.OutputRow;
import io.firstpin.insight.internal.ActivityQueries.RegistrationRow;
import io.firstpin.insight.internal.ActivityQueries.RoleRow;
import io.firstpin.insight.internal.ActivityQueries.SurveyRow;
import io.firstpin.insight.internal.ActivityQueries.TalkRow;
import io.firstpin.insight.internal.KpiQueries;
import io.firstpin.insight.internal.KpiQueries.AttendedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * A member's activity timeline and ladder steps for the staff member page, which asks for it itself
 * ({@code @memberTimelines}): the member module cannot depend on this one. Attendance follows the rule of every KPI
 * ({@link KpiQueries#attendedBy}), and the steps the ladder's definitions (docs/insight.md), each community on its own.
 * Survey answers given anonymously are never part of it.
 */
@Service
public class MemberTimelines {

    /** How many of the newest items the page shows. */
    public static final int SHOWN = 100;

    private final ActivityQueries queries;
    private final KpiQueries attendance;
    private final Communities communities;
    private final Clock clock;
    private final Attendees attendees;

    MemberTimelines(ActivityQueries queries, KpiQueries attendance, Communities communities, Clock clock, Attendees attendees) {
        this.attendees = attendees;
        this.queries = queries;
        this.attendance = attendance;
        this.communities = communities;
        this.clock = clock;
    }

    public MemberTimeline of(long organizationId, long memberId) {
        attendees.catchUp();
        Instant now = clock.instant();
        Map<Long, Community> byId = communities.list(organizationId).stream()
                .collect(Collectors.toMap(Community::id, Function.identity()));
        List<AttendedEvent> attended = attendance.attendedBy(organizationId, memberId, now);
        List<TalkRow> talks = queries.talks(organizationId, memberId, now);
        List<RoleRow> roles = queries.roles(organizationId, memberId);

        List<Item> items = new ArrayList<>();
        for (RegistrationRow r : queries.registrations(organizationId, memberId)) {
            items.add(new Item(Kind.REGISTERED, r.registeredAt(), zone(byId, r.communityId()), r.eventId(), r.title(),
                    null, r.status(), null, null));
        }
        for (AttendedEvent a : attended) {
            items.add(new Item(Kind.ATTENDED, a.checkedInAt() == null ? a.startsAt() : a.checkedInAt(),
                    zone(byId, a.communityId()), a.eventId(), a.title(), null,
                    a.checkedInAt() == null ? "by-registration" : null, null, null));
        }
        for (TalkRow t : talks) {
            items.add(new Item(Kind.SPOKE, t.startsAt(), zone(byId, t.communityId()), t.eventId(), t.title(), null,
                    t.kind(), t.sessionTitle(), null));
        }
        for (OutputRow o : queries.outputs(organizationId, memberId)) {
            items.add(new Item(Kind.WROTE, o.at(), null, null, o.title() == null ? o.url() : o.title(), null,
                    o.kind(), null, webPage(o.url())));
        }
        for (SurveyRow s : queries.namedSurveyAnswers(organizationId, memberId)) {
            items.add(new Item(Kind.ANSWERED_SURVEY, s.answeredAt(), zone(byId, s.communityId()), s.eventId(),
                    s.title(), null, null, String.valueOf(s.nps()), null));
        }
        for (RoleRow role : roles) {
            Community community = byId.get(role.communityId());
            items.add(new Item(Kind.BECAME_LEADER, role.startedOn().atStartOfDay(community.timeZone()).toInstant(),
                    community.timeZoneId(), null, community.name(), community.slug(), null, null, null));
            LocalDate today = LocalDate.now(clock.withZone(community.timeZone()));
            if (role.endedOn() != null && !role.endedOn().isAfter(today)) {
                items.add(new Item(Kind.STEPPED_DOWN, role.endedOn().atStartOfDay(community.timeZone()).toInstant(),
                        community.timeZoneId(), null, community.name(), community.slug(), null, null, null));
            }
        }
        items.sort(Comparator.comparing(Item::at).reversed());
        List<Item> shown = items.subList(0, Math.min(SHOWN, items.size()));
        return new MemberTimeline(shown, items.size(),
                steps(memberId, byId, attended, talks, queries.outputLinks(organizationId, memberId, now), roles));
    }

    /** The ladder's steps of the member per community on its own, with everything up to now. */
    private List<CommunityStep> steps(long memberId, Map<Long, Community> byId, List<AttendedEvent> attended,
            List<TalkRow> talks, List<LinkRow> links, List<RoleRow> roles) {
        Map<Long, Climb> climbs = new HashMap<>();
        Function<Long, Climb> in = communityId -> climbs.computeIfAbsent(communityId, id -> new Climb(memberId));
        attended.stream().collect(Collectors.groupingBy(AttendedEvent::communityId)).forEach((id, events) -> {
            ZoneId zone = byId.get(id).timeZone();
            List<LocalDate> days = events.stream()
                    .sorted(Comparator.comparing(AttendedEvent::startsAt).thenComparingLong(AttendedEvent::eventId))
                    .map(e -> e.startsAt().atZone(zone).toLocalDate()).toList();
            in.apply(id).attended(days.size(), days.get(0),
                    days.size() > 1 ? days.get(1) : null, days.get(days.size() - 1));
        });
        for (LinkRow link : links) {
            LocalDate on = link.at().atZone(byId.get(link.communityId()).timeZone()).toLocalDate();
            in.apply(link.communityId()).reach(LadderStep.OUTPUT_AUTHOR, on, on);
        }
        for (TalkRow talk : talks) {
            LocalDate on = talk.startsAt().atZone(byId.get(talk.communityId()).timeZone()).toLocalDate();
            LadderStep.ofSession(talk.kind()).ifPresent(step -> in.apply(talk.communityId()).reach(step, on, on));
        }
        for (RoleRow role : roles) {
            LocalDate today = LocalDate.now(clock.withZone(byId.get(role.communityId()).timeZone()));
            if (!role.startedOn().isAfter(today)) {
                in.apply(role.communityId()).reach(LadderStep.ORGANIZER, role.startedOn(), role.startedOn());
            }
        }
        return climbs.entrySet().stream()
                .filter(climb -> climb.getValue().step().isPresent())
                .map(climb -> {
                    Community community = byId.get(climb.getKey());
                    return new CommunityStep(community.id(), community.slug(), community.name(),
                            climb.getValue().step().get(), climb.getValue().eventsAttended());
                })
                .sorted(Comparator.comparing(CommunityStep::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    private static String zone(Map<Long, Community> byId, long communityId) {
        return byId.get(communityId).timeZoneId();
    }

    /** Only an address of a web page becomes a link. */
    private static String webPage(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) ? url : null;
    }
}
