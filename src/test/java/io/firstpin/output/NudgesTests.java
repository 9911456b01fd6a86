package io.firstpin.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Hashtag;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
        "firstpin.outputs.nudge-check-interval=1h", "firstpin.outputs.feed-check-interval=1h"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@DirtiesContext
class NudgesTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern SUBMIT_LINK = Pattern.compile("http://firstpin\\.test/o/(o_[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Outputs outputs;
    @Autowired
    Nudges nudges;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;

    private Organization organization;

    /** A community with study sessions starting in an hour and a week from now, both with #firstpinug. */
    private List<Event> twoStudySessions() {
        String slug = "nudge-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("Firstpin UG", "firstpinug", null, "Asia/Tokyo"), null);
        return List.of(Duration.ofHours(1), Duration.ofDays(7)).stream()
                .map(in -> events.plan(community, new EventDetails("Firstpin UG", null, EventKind.STUDY_SESSION,
                        clock.instant().plus(in), null, null, true, null, Optional.of(new Hashtag("firstpinug"))),
                        List.of(), List.of(), "一般枠"))
                .toList();
    }

    private String register(Event meetup, String name, String email) {
        return registrations.register(meetup.id(), null, new Applicant(name, email, Locale.JAPANESE)).manageToken();
    }

    private List<ReceivedEmail> nudgesTo(String address) {
        return TestSmtp.receivedBy(smtp, address).stream().filter(m -> m.subject().contains("レポート")).toList();
    }

    @Test
    void attendeesWithoutAReportAreNudgedOnceDaysAfterTheEventWithAnUnsubscribeLinkThatIsHonoured() throws Exception {
        clock.set(Instant.parse("2030-03-01T09:00:00Z"));
        List<Event> sessions = twoStudySessions();
        Event first = sessions.get(0);
        Event second = sessions.get(1);
        for (Event meetup : sessions) {
            register(meetup, "書かない 一郎", "ichiro@example.com");
        }
        String writer = register(first, "書いた 花子", "hanako@example.com");
        register(second, "書いた 花子", "hanako@example.com");
        clock.set(first.startsAt().plus(Duration.ofMinutes(30)));
        outputs.submitByRegistrant(writer, first.id(),
                OutputSubmission.byRegistrant("https://hanako.hatenablog.com/entry/1", "blog", "レポート"));

        clock.set(first.endsAt().plus(Duration.ofDays(2)));
        assertThat(nudges.runDue()).isZero();

        clock.set(first.endsAt().plus(Duration.ofDays(3)).plusSeconds(1));
        assertThat(nudges.runDue()).isEqualTo(1);
        assertThat(nudges.runDue()).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> !nudgesTo("ichiro@example.com").isEmpty());
        ReceivedEmail nudge = nudgesTo("ichiro@example.com").get(0);
        assertThat(nudge.text()).contains("#firstpinug").contains("http://firstpin.test/e/" + first.id());
        assertThat(nudge.header("List-Unsubscribe")).startsWith("<http://firstpin.test/api/v1/email-preferences/p_");
        assertThat(nudge.text()).containsPattern("http://firstpin\\.test/p/p_[A-Za-z0-9_-]{43}");
        Matcher link = SUBMIT_LINK.matcher(nudge.text());
        assertThat(link.find()).isTrue();
        String token = link.group(1);
        assertThat(nudgesTo("hanako@example.com")).isEmpty();

        String page = mvc.perform(get("/o/" + token).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"report-form\"").doesNotContain("ichiro@example.com");
        mvc.perform(post("/o/" + token).with(csrf()).param("url", "https://ichiro.example.com/report").param("type", ""));
        assertThat(outputs.ofEvent(organization.id(), first.id())).extracting(EventOutput::author)
                .containsExactlyInAnyOrder("書かない 一郎", "書いた 花子");

        int status = mvc.perform(post("/api/v1/output-nudges/" + token + "/unsubscribe")
                .contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(204);

        clock.set(second.endsAt().plus(Duration.ofDays(3)).plusSeconds(1));
        assertThat(nudges.runDue()).as("only Hanako, who has not written about the second session").isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !nudgesTo("hanako@example.com").isEmpty());
        assertThat(nudgesTo("ichiro@example.com")).hasSize(1);
    }

    @Test
    void aWrongLinkUnsubscribesNobody() throws Exception {
        int status = mvc.perform(post("/api/v1/output-nudges/o_guess/unsubscribe")).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }
}
