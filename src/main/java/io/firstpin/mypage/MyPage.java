package io.firstpin.mypage;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventListings;
import io.firstpin.event.EventSummary;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.output.MemberFeed;
import io.firstpin.output.MemberFeeds;
import io.firstpin.output.Output;
import io.firstpin.output.Outputs;
import io.firstpin.platform.NotFoundException;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.AnsweredSurvey;
import io.firstpin.survey.Surveys;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed-in member sees of themselves on an organization's site: their registrations across its communities,
 * upcoming and past, the organization's upcoming events they have not registered for (one click away), what they wrote,
 * their survey answers and their blog feeds.
 */
@Service
public class MyPage {

    static final int UPCOMING_EVENTS = 20;

    private final Members members;
    private final Registrations registrations;
    private final Events events;
    private final EventListings listings;
    private final Communities communities;
    private final Outputs outputs;
    private final MemberFeeds feeds;
    private final Surveys surveys;
    private final Clock clock;

    MyPage(Members members, Registrations registrations, Events events, EventListings listings,
            Communities communities, Outputs outputs, MemberFeeds feeds, Surveys surveys, Clock clock) {
        this.outputs = outputs;
        this.feeds = feeds;
        this.surveys = surveys;
        this.members = members;
        this.registrations = registrations;
        this.events = events;
        this.listings = listings;
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
                : listings.upcoming(communityIds, UPCOMING_EVENTS).stream()
                        .filter(e -> !registered.contains(e.id()) && e.registrationOpen(now))
                        .map(e -> new OpenEvent(e, events.frames(e.id())))
                        .toList();
        List<Entry> past = new ArrayList<>(entries.stream().filter(e -> e.event().endsAt().isBefore(now)).toList());
        Collections.reverse(past);
        return new Overview(member, entries.stream().filter(e -> !e.event().endsAt().isBefore(now)).toList(), past,
                open, outputs.byAuthor(signedIn.organizationId(), signedIn.memberId()),
                surveys.ofMember(signedIn.organizationId(), signedIn.memberId()),
                feeds.ofMember(signedIn.organizationId(), signedIn.memberId()));
    }

    /**
     * One click: the signed-in member's proven address and name, to the chosen frame of an event of their organization;
     * answers the new registration's private token.
     *
     * @throws io.firstpin.platform.NotFoundException when the event is not the organization's
     */
    public String registerInOneClick(SignedInMember signedIn, long eventId, String frame, Locale locale) {
        events.summary(eventId).filter(e -> e.organizationId() == signedIn.organizationId())
                .orElseThrow(() -> NotFoundException.of("event", eventId));
        String name = members.inOrganization(signedIn.organizationId(), signedIn.memberId()).displayName();
        return registrations.register(eventId, frame, new Applicant(name, signedIn.email(), locale)).manageToken();
    }

    /** One of the member's registrations with its event. */
    public record Entry(Registration registration, EventSummary event) {
    }

    /**
     * @param open upcoming events of the organization taking registrations, which the member has not registered for
     * @param reports what the member wrote (blog posts, slides) that the organization knows of, newest first
     * @param surveys the member's survey answers given under their name
     * @param feeds the blog feeds their posts are read from
     */
    public record Overview(Member member, List<Entry> upcoming, List<Entry> past, List<OpenEvent> open,
            List<Output> reports, List<AnsweredSurvey> surveys, List<MemberFeed> feeds) {
    }

    /** An event taking registrations, with the frames a click registers for. */
    public record OpenEvent(Event event, List<Frame> frames) {
    }
}
