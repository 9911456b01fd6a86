package io.firstpin.mypage;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in member sees of themselves on an organization's site: their registrations across its communities,
 * upcoming and past, and the organization's upcoming events they have not registered for (one click away).
 */
@Service
public class MyPage {

    static final int UPCOMING_EVENTS = 20;

    private final Members members;
    private final Registrations registrations;
    private final Events events;
    private final Communities communities;
    private final Clock clock;

    MyPage(Members members, Registrations registrations, Events events, Communities communities, Clock clock) {
        this.members = members;
        this.registrations = registrations;
        this.events = events;
        this.communities = communities;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Overview of(SignedInMember signedIn) {
        Member member = members.inOrganization(signedIn.organizationId(), signedIn.memberId());
        Instant now = clock.instant();
        List<Entry> entries = registrations.ofMember(signedIn.organizationId(), signedIn.memberId()).stream()
                .map(r -> events.summary(r.eventId()).map(e -> new Entry(r, e)).orElse(null))
                .filter(e -> e != null)
                .sorted(Comparator.comparing((Entry e) -> e.event().startsAt()))
                .toList();
        Set<Long> registered = entries.stream().filter(e -> e.registration().active())
                .map(e -> e.event().id()).collect(Collectors.toSet());
        List<Long> communityIds = communities.list(signedIn.organizationId()).stream().map(Community::id).toList();
        List<OpenEvent> open = communityIds.isEmpty() ? List.of()
                : events.upcoming(communityIds, UPCOMING_EVENTS).stream()
                        .filter(e -> !registered.contains(e.id()) && e.registrationOpen(now))
                        .map(e -> new OpenEvent(e, events.frames(e.id())))
                        .toList();
        List<Entry> past = new ArrayList<>(entries.stream().filter(e -> e.event().endsAt().isBefore(now)).toList());
        Collections.reverse(past);
        return new Overview(member, entries.stream().filter(e -> !e.event().endsAt().isBefore(now)).toList(), past,
                open);
    }

    /** One of the member's registrations with its event. */
    public record Entry(Registration registration, EventSummary event) {
    }

    /**
     * @param open upcoming events of the organization taking registrations, which the member has not registered for
     */
    public record Overview(Member member, List<Entry> upcoming, List<Entry> past, List<OpenEvent> open) {
    }

    /** An event taking registrations, with the frames a click registers for. */
    public record OpenEvent(Event event, List<Frame> frames) {
    }
}
