package io.firstpin.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.event.Venue;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.Slug;
import io.firstpin.platform.geo.Prefecture;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
class RegistrationMailsTests {

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

    private Event studySessionWithOneSeat() {
        String slug = "mails-" + System.nanoTime();
        var organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 大阪", null, null, "Asia/Tokyo"), null);
        return events.plan(community, new EventDetails("大阪勉強会 #80", null, EventKind.STUDY_SESSION,
                Instant.parse("2031-03-14T10:00:00Z"), null, new Venue("梅田会議室", null, Prefecture.OSAKA, "大阪市"),
                false, null, Optional.empty()), List.of(), List.of(new FramePlan(null, "一般枠", 1, FrameMode.FIFO, null)),
                "一般枠");
    }

    private static List<ReceivedEmail> mailsTo(String address, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(smtp, address).size() >= count);
        return TestSmtp.receivedBy(smtp, address);
    }

    @Test
    void aConfirmedRegistrantGetsTheirPrivateLinkInTheirLanguage() {
        Event event = studySessionWithOneSeat();

        Registered registered = registrations.register(event.id(), "一般枠",
                new Applicant("梅田 花子", "hanako@example.jp", Locale.JAPANESE));

        ReceivedEmail mail = mailsTo("hanako@example.jp", 1).get(0);
        assertThat(mail.subject()).isEqualTo("【大阪勉強会 #80】参加登録が完了しました");
        assertThat(mail.text()).contains("梅田 花子 さん").contains("2031年3月14日(金) 19:00")
                .contains("梅田会議室 大阪府 大阪市");
        // the emailed link is the mailbox's own, the one that proves the email: not the link answered to the caller
        Matcher link = Pattern.compile("http://firstpin\\.test/r/(r_[A-Za-z0-9_-]+)").matcher(mail.text());
        assertThat(link.find()).as(mail.text()).isTrue();
        assertThat(link.group(1)).isNotEqualTo(registered.manageToken());
        assertThat(registrations.byToken(link.group(1))).map(r -> r.id()).contains(registered.registration().id());
    }

    @Test
    void theWaitlistedHearTheirPositionAndThePromotedHearWhenASeatFrees() {
        Event event = studySessionWithOneSeat();
        Registered seated = registrations.register(event.id(), "一般枠",
                new Applicant("Seated", "seated@example.com", Locale.ENGLISH));
        registrations.register(event.id(), "一般枠", new Applicant("Waiting", "waiting@example.com", Locale.ENGLISH));

        assertThat(mailsTo("waiting@example.com", 1).get(0).subject())
                .isEqualTo("On the waitlist (#1): 大阪勉強会 #80");

        registrant.cancelWithToken(seated.registration().id(), seated.manageToken());

        assertThat(mailsTo("seated@example.com", 2)).extracting(ReceivedEmail::subject)
                .contains("Registration cancelled: 大阪勉強会 #80");
        assertThat(mailsTo("waiting@example.com", 2)).extracting(ReceivedEmail::subject)
                .contains("A seat is yours: 大阪勉強会 #80");
    }

    @Test
    void theAfterPartyRegistrationEndedWithTheStudySessionsSaysWhy() {
        Event session = studySessionWithOneSeat();
        Community community = communities.inOrganization(session.organizationId(), session.communityId());
        Event party = events.plan(community, new EventDetails("懇親会", null, EventKind.AFTER_PARTY,
                Instant.parse("2031-03-14T12:15:00Z"), null, null, false, null, Optional.empty()), List.of(),
                List.of(), "懇親会枠", RegistrationWindow.UNTIL_THE_EVENT_ENDS, session.id());
        Applicant hanako = new Applicant("梅田 花子", "party@example.jp", Locale.JAPANESE);
        Registered seat = registrations.register(session.id(), "一般枠", hanako);
        registrations.register(party.id(), null, hanako);

        registrant.cancelWithToken(seat.registration().id(), seat.manageToken());

        assertThat(mailsTo("party@example.jp", 4)).filteredOn(mail -> mail.subject().contains("【懇親会】"))
                .extracting(ReceivedEmail::text)
                .anySatisfy(text -> assertThat(text).contains("本編イベントの申込がキャンセルされたため、懇親会 への申込も"));
    }

    @Test
    void aRefusedRegistrationSendsNothing() {
        Event event = studySessionWithOneSeat();
        registrations.register(event.id(), "一般枠", new Applicant("Once", "once@example.com", Locale.ENGLISH));
        mailsTo("once@example.com", 1);

        assertThatThrownBy(() -> registrations.register(event.id(), "一般枠",
                new Applicant("Twice", "once@example.com", Locale.ENGLISH))).isInstanceOf(ConflictException.class);

        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> TestSmtp.receivedBy(smtp, "once@example.com").size() == 1);
    }
}
