package io.firstpin.survey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckIns;
import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.notification.EventMailLog;
import io.firstpin.notification.MailStatus;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.QrDecoding;
import io.firstpin.testing.StaffAccess;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The survey on the venue screen: a QR code of the survey's public entry, where an attendee gets their private survey
 * link by email; the entry tells nobody who came and sends each address a few links an hour at most.
 */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
        "firstpin.surveys.check-interval=1h", "firstpin.outputs.nudge-enabled=false"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@DirtiesContext
class SurveyScreenPagesTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern SVG = Pattern.compile("<svg[\\s\\S]*?</svg>");
    private static final Pattern SURVEY_LINK = Pattern.compile("http://firstpin\\.test(/r/r_[A-Za-z0-9_-]+/survey)");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    CheckIns checkIns;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    EventMailLog mailLog;
    @Autowired
    MovableClock clock;

    private Door door() {
        return new Door(organizations, communities, events, registrations);
    }

    /** An event that ended an hour ago, with one attendee and one registrant who did not come. */
    private record Ended(Organization organization, Event event, String attendee, String noShow) {
    }

    private Ended anEventThatJustEnded() {
        clock.set(Instant.parse("2030-06-01T09:00:00Z"));
        Door door = door();
        Organization organization = door.organization();
        Event event = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 10);
        String attendee = "came-" + organization.id() + "@example.com";
        String noShow = "stayed-home-" + organization.id() + "@example.com";
        Registered came = door.register(event, "出席 花子", attendee);
        door.register(event, "欠席 太郎", noShow);
        checkIns.checkIn(organization.id(), event.id(), came.registration().id(), CheckInMethod.STAFF);
        clock.set(event.endsAt().plus(Duration.ofHours(1)));
        return new Ended(organization, event, attendee, noShow);
    }

    private MockHttpServletResponse askForLink(Event event, String email) throws Exception {
        return mvc.perform(post("/e/" + event.id() + "/survey").with(csrf()).param("email", email)
                .header("Accept-Language", "ja")).andReturn().getResponse();
    }

    /** The survey links queued for the event (its registration mails aside), at the status or any. */
    private long surveyLinks(Ended ended, MailStatus status) {
        return mailLog.of(ended.organization().id(), ended.event().id(), status, 0).mails().stream()
                .filter(mail -> mail.kind().equals("survey/link")).count();
    }

    private List<ReceivedEmail> surveyLinksTo(String address) {
        return TestSmtp.receivedBy(smtp, address).stream().filter(mail -> mail.subject().contains("アンケートのリンク"))
                .toList();
    }

    private String screenPath(Ended ended) {
        return "/manage/" + ended.organization().slug() + "/events/" + ended.event().id() + "/survey/screen";
    }

    @Test
    void theScreenShowsTheTitleAndAQrCodeThatOpensTheSurveyEntry() throws Exception {
        Ended ended = anEventThatJustEnded();
        MockHttpSession viewer = StaffAccess.signedIn(mvc, accounts, ended.organization(), Role.VIEWER,
                "viewer-" + ended.organization().id() + "@example.com");

        MockHttpServletResponse dark = mvc.perform(get(screenPath(ended)).session(viewer)
                .header("Accept-Language", "ja")).andReturn().getResponse();
        String light = mvc.perform(get(screenPath(ended) + "?theme=light").session(viewer)
                .header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();

        String entry = "http://firstpin.test/e/" + ended.event().id() + "/survey";
        String html = dark.getContentAsString();
        assertThat(dark.getStatus()).isEqualTo(200);
        assertThat(html).contains("受付の勉強会").contains("QR コードを読み取ってアンケートに回答")
                .contains("firstpin.test/e/" + ended.event().id() + "/survey")
                .contains("class=\"venue-screen\"");
        Matcher svg = SVG.matcher(html);
        assertThat(svg.find()).isTrue();
        assertThat(QrDecoding.decode(svg.group())).isEqualTo(entry);
        assertThat(light).contains("class=\"venue-screen light\"").contains("Scan to answer the survey");
    }

    @Test
    void theScreenNeedsSignInAndTheEventsOrganization() throws Exception {
        Ended ended = anEventThatJustEnded();
        Organization other = door().organization();
        MockHttpSession otherAdmin = StaffAccess.signedIn(mvc, accounts, other, Role.ORGANIZATION_ADMIN,
                "admin-" + other.id() + "@example.com");

        MockHttpServletResponse signedOut = mvc.perform(get(screenPath(ended))).andReturn().getResponse();
        int theirs = mvc.perform(get(screenPath(ended)).session(otherAdmin)).andReturn().getResponse().getStatus();
        int throughOwn = mvc.perform(get("/manage/" + other.slug() + "/events/" + ended.event().id()
                + "/survey/screen").session(otherAdmin)).andReturn().getResponse().getStatus();

        assertThat(signedOut.getStatus()).isEqualTo(302);
        assertThat(signedOut.getRedirectedUrl()).contains("/login");
        assertThat(theirs).isIn(403, 404);
        assertThat(throughOwn).isEqualTo(404);
    }

    @Test
    void anAttendeeGetsTheirOwnSurveyLinkAndTheAnswerNeverSaysWhoCame() throws Exception {
        Ended ended = anEventThatJustEnded();
        String entryPage = mvc.perform(get("/e/" + ended.event().id() + "/survey").header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        assertThat(entryPage).contains("id=\"survey-entry-form\"").contains("受付の勉強会");

        MockHttpServletResponse stranger = askForLink(ended.event(), "nobody-" + ended.organization().id()
                + "@example.com");
        MockHttpServletResponse noShow = askForLink(ended.event(), ended.noShow());
        MockHttpServletResponse attendee = askForLink(ended.event(), ended.attendee().toUpperCase());

        for (MockHttpServletResponse answer : List.of(stranger, noShow, attendee)) {
            assertThat(answer.getStatus()).isEqualTo(302);
            assertThat(answer.getRedirectedUrl()).isEqualTo("/e/" + ended.event().id() + "/survey");
            assertThat(answer.getContentAsString()).isEmpty();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> !surveyLinksTo(ended.attendee()).isEmpty());
        List<ReceivedEmail> received = surveyLinksTo(ended.attendee());
        Matcher link = SURVEY_LINK.matcher(received.get(0).text());
        assertThat(link.find()).as(received.get(0).text()).isTrue();
        String survey = mvc.perform(get(link.group(1)).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        assertThat(survey).contains("id=\"survey-form\"");
        assertThat(surveyLinks(ended, null)).as("nothing queued for the stranger or the no-show").isEqualTo(1);
        assertThat(surveyLinksTo(ended.noShow())).isEmpty();
    }

    @Test
    void eachAddressGetsAFewLinksAnHourWhateverItAsks() throws Exception {
        Ended ended = anEventThatJustEnded();

        for (int i = 0; i < 5; i++) {
            assertThat(askForLink(ended.event(), ended.attendee()).getStatus()).isEqualTo(302);
        }

        assertThat(surveyLinks(ended, null)).isEqualTo(3);
        clock.set(clock.instant().plus(Duration.ofHours(1)));
        askForLink(ended.event(), ended.attendee());
        assertThat(surveyLinks(ended, null)).isEqualTo(4);
        await().atMost(Duration.ofSeconds(30)).until(() -> surveyLinks(ended, MailStatus.SENT) == 4);
    }

    @Test
    void theEntryRefusesSomethingThatIsNotAnEmailAndAPostWithoutItsCsrfToken() throws Exception {
        Ended ended = anEventThatJustEnded();

        MockHttpServletResponse invalid = askForLink(ended.event(), "not an email");
        int forged = mvc.perform(post("/e/" + ended.event().id() + "/survey").param("email", ended.attendee()))
                .andReturn().getResponse().getStatus();

        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat(invalid.getContentAsString()).contains("メールアドレスを正しく入力してください");
        assertThat(forged).isEqualTo(403);
        assertThat(surveyLinks(ended, null)).isZero();
    }
}
