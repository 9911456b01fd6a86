package io.firstpin.attendance;

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
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds what a check-in test needs: an organization with a community, an event with one frame, registrants. */
public final class Door {

    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Organizations organizations;
    private final Communities communities;
    private final Events events;
    private final Registrations registrations;

    public Door(Organizations organizations, Communities communities, Events events, Registrations registrations) {
        this.organizations = organizations;
        this.communities = communities;
        this.events = events;
        this.registrations = registrations;
    }

    public Organization organization() {
        String slug = "door-" + NEXT.incrementAndGet() + "-" + System.nanoTime();
        return organizations.found(new Slug(slug), "受付テスト組織");
    }

    /** A two-hour study session with one frame 一般枠 of {@code seats} seats. */
    public Event event(Organization organization, Instant startsAt, int seats) {
        Community community = communities.start(organization.id(), new Slug("c-" + NEXT.incrementAndGet() + "-" + System.nanoTime()),
                CommunityProfile.of("JAWS-UG 受付", null, null, "Asia/Tokyo"), null);
        return events.plan(community, new EventDetails("受付の勉強会", null, EventKind.STUDY_SESSION, startsAt,
                startsAt.plus(Duration.ofHours(2)), null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", seats, FrameMode.FIFO, null)), "一般枠");
    }

    public Registered register(Event event, String name) {
        return register(event, name, "p" + NEXT.incrementAndGet() + "-" + System.nanoTime() + "@example.com");
    }

    public Registered register(Event event, String name, String email) {
        return registrations.register(event.id(), "一般枠", new Applicant(name, email, Locale.JAPANESE));
    }
}
