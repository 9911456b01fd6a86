package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckIns;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

@DatabaseTest
@SpringBootTest(properties = "firstpin.reminders.poll-interval=1h")
@Import(MovableClock.Config.class)
@DirtiesContext
class NoShowsTests {

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    RegistrantActions registrant;
    @Autowired
    CheckIns checkIns;
    @Autowired
    NoShows noShows;
    @Autowired
    MovableClock clock;

    private Organization organization;
    private Community community;
    private final Map<String, Map<Long, Long>> registrationOf = new HashMap<>();
    private final Map<String, String> tokenOf = new HashMap<>();

    @BeforeEach
    void aCommunity() {
        clock.set(Instant.parse("2030-03-01T09:00:00Z"));
        String slug = "noshow-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Org");
        community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 福岡", null, null, "Asia/Tokyo"), null);
    }

    private Event meetup(String title, int daysAhead, int seats) {
        return events.plan(community, new EventDetails(title, null, EventKind.STUDY_SESSION,
                clock.instant().plus(Duration.ofDays(daysAhead)), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", seats, FrameMode.FIFO, null)), "一般枠");
    }

    private void registerAll(Event event, String... people) {
        for (String person : people) {
            Registered registered = registrations.register(event.id(), "一般枠",
                    new Applicant(person, person + "@example.com", Locale.JAPANESE));
            registrationOf.computeIfAbsent(person, p -> new HashMap<>()).put(event.id(), registered.registration().id());
            tokenOf.put(person, registered.manageToken());
        }
    }

    /** Moves to the event and checks these people in; the others confirmed stay no-shows. */
    private void holdWithCheckIns(Event event, String... cameIn) {
        clock.set(event.startsAt().plus(Duration.ofMinutes(10)));
        for (String person : cameIn) {
            checkIns.checkIn(organization.id(), event.id(), registrationOf.get(person).get(event.id()),
                    CheckInMethod.STAFF);
        }
    }

    private long memberOf(String person, Event event) {
        return registrations.find(registrationOf.get(person).get(event.id())).orElseThrow().memberId();
    }

    @Test
    void noShowRatesComeFromEventsWithCheckInsAndSuggestAMargin() {
        Event first = meetup("#1", 1, 10);
        Event second = meetup("#2", 2, 10);
        Event third = meetup("#3", 3, 10);
        Event unrecorded = meetup("#4", 4, 10);
        Event next = meetup("#5", 30, 30);
        for (Event event : List.of(first, second, third, unrecorded)) {
            registerAll(event, "a", "b", "c", "d");
        }
        registerAll(next, "a", "d", "newcomer");
        holdWithCheckIns(first, "a", "b", "c", "d");
        holdWithCheckIns(second, "a", "b", "c");
        holdWithCheckIns(third, "a", "b");
        holdWithCheckIns(unrecorded);
        clock.set(unrecorded.startsAt().plus(Duration.ofDays(1)));

        assertThat(noShows.ofEvent(first.id())).contains(new NoShows.Rate(4, 0));
        assertThat(noShows.ofEvent(second.id())).contains(new NoShows.Rate(4, 1));
        assertThat(noShows.ofEvent(unrecorded.id())).isEmpty();

        NoShows.Suggestion suggestion = noShows.suggestion(organization.id(), next.id()).orElseThrow();
        assertThat(suggestion.events()).isEqualTo(3);
        assertThat(suggestion.noShowRate()).isEqualTo(0.25);
        assertThat(suggestion.frames()).singleElement().satisfies(margin -> {
            assertThat(margin.extraSeats()).isEqualTo(10);
            assertThat(margin.suggestedCapacity()).isEqualTo(40);
        });

        NoShows.MemberRecord d = noShows.ofMember(organization.id(), memberOf("d", first));
        assertThat(d.rate()).isEqualTo(new NoShows.Rate(3, 2));
        assertThat(d.events()).extracting(NoShows.Past::eventTitle).containsExactly("#3", "#2", "#1");

        Map<Long, NoShows.Rate> registrants = noShows.ofRegistrantsOf(next.id());
        assertThat(registrants).containsEntry(memberOf("a", first), new NoShows.Rate(3, 0))
                .containsEntry(memberOf("d", first), new NoShows.Rate(3, 2))
                .doesNotContainKey(memberOf("newcomer", next));
    }

    @Test
    void theWaitlistedAndTheCancelledAreNeverNoShows() {
        Event event = meetup("#1", 1, 1);
        registerAll(event, "seated", "waiting", "leaving");
        registrant.cancelWithToken(tokenOf.get("leaving"));
        holdWithCheckIns(event, "seated");

        assertThat(noShows.ofEvent(event.id())).contains(new NoShows.Rate(1, 0));
    }

    @Test
    void twoEventsOfHistoryAreNotEnoughForASuggestion() {
        Event first = meetup("#1", 1, 10);
        Event second = meetup("#2", 2, 10);
        Event next = meetup("#3", 30, 10);
        registerAll(first, "a", "b");
        registerAll(second, "a", "b");
        holdWithCheckIns(first, "a");
        holdWithCheckIns(second, "a");

        assertThat(noShows.suggestion(organization.id(), next.id())).isEmpty();
    }

    @Test
    void theMarginFillsTheRoomWithTheUsualNoShows() {
        assertThat(NoShows.margin(50, 0.2)).isEqualTo(12);
        assertThat(NoShows.margin(30, 0.25)).isEqualTo(10);
        assertThat(NoShows.margin(50, 0)).isZero();
        assertThat(NoShows.margin(1, 0.1)).isZero();
        assertThat(NoShows.margin(100, 1.0)).isZero();
    }
}
