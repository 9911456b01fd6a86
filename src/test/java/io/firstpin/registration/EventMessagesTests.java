package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckIns;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.InvalidInputException;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
@DirtiesContext
class EventMessagesTests {

    private static final int SMTP_PORT = TestSmtp.freePort();

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
    RegistrantActions registrant;
    @Autowired
    CheckIns checkIns;
    @Autowired
    EventMessages messages;

    private Organization organization;
    private Event event;
    private String tag;
    private final Map<String, Registered> registered = new HashMap<>();

    /** Two seats: first and second confirmed, third waiting, fourth cancelled; first checked in. */
    @BeforeEach
    void anEventWithEverySegment() {
        tag = "msg" + System.nanoTime();
        organization = organizations.found(new Slug(tag), "Org");
        var community = communities.start(organization.id(), new Slug(tag + "-c"),
                CommunityProfile.of("JAWS-UG 広島", null, null, "Asia/Tokyo"), null);
        event = events.plan(community, new EventDetails("広島勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(1, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 2, FrameMode.FIFO, null)), "一般枠");
        for (String person : List.of("first", "second", "third", "fourth")) {
            registered.put(person, registrations.register(event.id(), "一般枠",
                    new Applicant(person, address(person), Locale.JAPANESE)));
        }
        registrant.cancelWithToken(registered.get("fourth").manageToken());
        checkIns.checkIn(organization.id(), event.id(), registered.get("first").registration().id(),
                CheckInMethod.STAFF);
    }

    private String address(String person) {
        return person + "-" + tag + "@example.com";
    }

    private List<ReceivedEmail> mailsTo(String person) {
        return TestSmtp.receivedBy(smtp, address(person));
    }

    @Test
    void eachSegmentCountsExactlyItsPeople() {
        assertThat(messages.audience(organization.id(), event.id())).containsExactlyInAnyOrderEntriesOf(Map.of(
                Segment.CONFIRMED, 2, Segment.WAITLISTED, 1, Segment.ATTENDED, 1, Segment.NOT_ATTENDED, 1));
    }

    @Test
    void aMessageToThoseWhoDidNotComeReachesOnlyThem() {
        int sent = messages.send(organization.id(), event.id(), Segment.NOT_ATTENDED, "資料の共有",
                "本日の資料です。<b>次回</b>もぜひ。", "leader@example.com");

        assertThat(sent).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("second").stream()
                .anyMatch(mail -> mail.subject().equals("【広島勉強会】資料の共有")));
        ReceivedEmail mail = mailsTo("second").stream()
                .filter(m -> m.subject().equals("【広島勉強会】資料の共有")).findFirst().orElseThrow();
        assertThat(mail.text()).contains("本日の資料です。<b>次回</b>もぜひ。").doesNotContain("/r/r_");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() ->
                mailsTo("first").stream().noneMatch(m -> m.subject().contains("資料の共有"))
                        && mailsTo("third").stream().noneMatch(m -> m.subject().contains("資料の共有")));
        assertThat(messages.history(organization.id(), event.id())).singleElement().satisfies(history -> {
            assertThat(history.segment()).isEqualTo(Segment.NOT_ATTENDED);
            assertThat(history.recipients()).isEqualTo(1);
            assertThat(history.sentBy()).isEqualTo("leader@example.com");
        });
    }

    @Test
    void theWaitlistedGetTheirPrivateLinkWithTheMessage() {
        messages.send(organization.id(), event.id(), Segment.WAITLISTED, "Still a chance", "Seats may free up.",
                "leader@example.com");

        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("third").stream()
                .anyMatch(mail -> mail.subject().contains("Still a chance")));
        String text = mailsTo("third").stream().filter(m -> m.subject().contains("Still a chance"))
                .findFirst().orElseThrow().text();
        String token = text.replaceAll("(?s).*http://firstpin\\.test/r/(r_[A-Za-z0-9_-]+).*", "$1");
        assertThat(registrations.byToken(token)).map(Registration::id)
                .contains(registered.get("third").registration().id());
    }

    @Test
    void aMessageWithoutSubjectOrWithTooLongABodyIsRefusedAndNothingIsSent() {
        assertThatThrownBy(() -> messages.send(organization.id(), event.id(), Segment.CONFIRMED, "  ",
                "x".repeat(EventMessages.MAX_BODY + 1), "leader@example.com"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("subject", "body"));

        assertThat(messages.history(organization.id(), event.id())).isEmpty();
    }
}
