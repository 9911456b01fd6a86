package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Limits per address and per email, shared by instances, that no spelling of the path gets around. */
@DatabaseTest
@SpringBootTest(properties = "firstpin.reminders.poll-interval=1h")
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@DirtiesContext
class RegistrationRateLimitTests {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Autowired
    MockMvc mvc;
    @Autowired
    MovableClock clock;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;

    private Event afterParty() {
        String slug = "limits-" + NEXT.incrementAndGet() + "-" + System.nanoTime();
        var organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG", null, null, "Asia/Tokyo"), null);
        Instant startsAt = clock.instant().plus(Duration.ofHours(3));
        return events.plan(community, new EventDetails("懇親会", null, EventKind.AFTER_PARTY, startsAt,
                startsAt.plus(Duration.ofHours(2)), null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "懇親会枠", null, FrameMode.FIFO, null)), "懇親会枠");
    }

    private int register(String rawPath, String address, String email) throws Exception {
        MvcResult result = mvc.perform(post(URI.create("http://localhost" + rawPath)).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"参加者\",\"email\":\"" + email + "\"}")
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                })).andReturn();
        if (result.getResponse().getStatus() == 429) {
            assertThat(Integer.parseInt(result.getResponse().getHeader("Retry-After"))).isPositive();
        }
        return result.getResponse().getStatus();
    }

    private static String email() {
        return "guest" + NEXT.incrementAndGet() + "-" + System.nanoTime() + "@example.com";
    }

    @Test
    void aVenuesSharedAddressRegistersThreeHundredPeopleInFiveMinutesWhileAFloodFromItIsStopped() throws Exception {
        clock.set(Instant.parse("2031-05-01T09:00:00Z"));
        Event party = afterParty();
        String path = "/api/v1/events/" + party.id() + "/registrations";
        List<Integer> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            people.add(register(path, "192.0.2.10", email()));
            clock.advance(Duration.ofMillis(1000));
        }
        List<Integer> flood = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            flood.add(register(path, "192.0.2.10", email()));
        }

        assertThat(people).containsOnly(201);
        assertThat(flood.stream().filter(status -> status == 201).count()).isLessThanOrEqualTo(150);
        assertThat(flood.stream().filter(status -> status == 429).count()).isGreaterThanOrEqualTo(250);
        assertThat(register(path, "198.51.100.20", email())).as("another address is not held up").isEqualTo(201);
    }

    @Test
    void everySpellingOfTheRegistrationPathCountsAgainstTheSameBucket() throws Exception {
        clock.set(Instant.parse("2031-06-01T09:00:00Z"));
        Event party = afterParty();
        long id = party.id();
        String address = "203.0.113.77";
        for (int i = 0; i < 150; i++) {
            assertThat(register("/api/v1/events/" + id + "/registrations", address, email())).isEqualTo(201);
        }
        String encodedId = "%" + Integer.toHexString('0' + (int) (id % 10)).toUpperCase() + "";
        String[] spellings = {
            "/api/v1/events/" + id + "/registrations",
            "/api/v1/events/" + (id / 10 == 0 ? "" : String.valueOf(id / 10)) + encodedId + "/registrations",
            "/api/v1/events/" + id + "/%72egistrations",
            "//api/v1/events/" + id + "/registrations",
            "/api/v1//events/" + id + "/registrations",
            "/api/v1/events/" + id + "/registrations;jsessionid=0123456789",
            "/api;x=1/v1/events/" + id + "/registrations",
            "/api/v1/events/" + id + "/registrations/",
            "/API/V1/EVENTS/" + id + "/REGISTRATIONS",
            "/api/v1/events/" + id + "/%2572egistrations",
            "/api/v1/x/../events/" + id + "/registrations",
        };
        for (String spelling : spellings) {
            assertThat(register(spelling, address, email())).as(spelling).isEqualTo(429);
        }
        assertThat(register("/e/" + id + "/register", address, email())).as("the page shares the address's bucket")
                .isEqualTo(429);
    }

    @Test
    void oneEmailGetsAFewRegistrationsAnHourWhateverTheAddressSoItsMailboxIsNotFlooded() throws Exception {
        clock.set(Instant.parse("2031-07-01T09:00:00Z"));
        String victim = "victim-" + System.nanoTime() + "@example.com";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            Event party = afterParty();
            statuses.add(register("/api/v1/events/" + party.id() + "/registrations", "198.51.100." + i,
                    i % 2 == 0 ? victim : victim.toUpperCase()));
        }

        assertThat(statuses.subList(0, 10)).containsOnly(201);
        assertThat(statuses.get(10)).isEqualTo(429);
        clock.advance(Duration.ofMinutes(7));
        assertThat(register("/api/v1/events/" + afterParty().id() + "/registrations", "198.51.100.99", victim))
                .as("the hour refills steadily").isEqualTo(201);
    }
}
