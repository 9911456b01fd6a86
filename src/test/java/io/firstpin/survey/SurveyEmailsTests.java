package io.firstpin.survey;

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
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registered;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
        "firstpin.surveys.check-interval=1h", "firstpin.outputs.nudge-enabled=false"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@DirtiesContext
class SurveyEmailsTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern SURVEY_LINK = Pattern.compile("http://firstpin\\.test(/r/r_[A-Za-z0-9_-]+/survey)");

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
    CheckIns checkIns;
    @Autowired
    SurveyEmails surveyEmails;
    @Autowired
    Surveys surveys;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;

    private List<ReceivedEmail> surveysTo(String address) {
        return TestSmtp.receivedBy(smtp, address).stream().filter(m -> m.subject().contains("アンケート")).toList();
    }

    private static String surveyLinkIn(ReceivedEmail email) {
        Matcher link = SURVEY_LINK.matcher(email.text());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void onlyTheCheckedInGetTheSurveyOnceHoursAfterTheEndAndAnswerItFromTheLinkUntilItCloses() throws Exception {
        clock.set(Instant.parse("2030-03-01T09:00:00Z"));
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event meetup = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 2);
        Registered checkedIn = door.register(meetup, "出席 花子", "hanako@example.com");
        door.register(meetup, "欠席 太郎", "taro@example.com");
        Registered waitlisted = door.register(meetup, "補欠 次郎", "jiro@example.com");
        assertThat(waitlisted.registration().status()).isEqualTo(RegistrationStatus.WAITLISTED);
        checkIns.checkIn(organization.id(), meetup.id(), checkedIn.registration().id(), CheckInMethod.STAFF);

        clock.set(meetup.endsAt().plus(Duration.ofHours(1)));
        assertThat(surveyEmails.runDue()).isZero();
        clock.set(meetup.endsAt().plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(surveyEmails.runDue()).isEqualTo(1);
        assertThat(surveyEmails.runDue()).isZero();

        await().atMost(Duration.ofSeconds(20)).until(() -> !surveysTo("hanako@example.com").isEmpty());
        assertThat(surveysTo("taro@example.com")).as("a no-show").isEmpty();
        assertThat(surveysTo("jiro@example.com")).as("waitlisted").isEmpty();
        String survey = surveyLinkIn(surveysTo("hanako@example.com").get(0));

        String page = mvc.perform(get(survey).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("id=\"survey-form\"").contains("このコミュニティを友人や同僚に薦める");
        mvc.perform(post(survey).with(csrf()).param("nps", "9").param("ces", "6").param("heat", "5")
                .param("comment", "<b>最高</b>").param("wantsToSpeak", "true").param("talkTopic", "Step Functions"));
        int refused = mvc.perform(post(survey).with(csrf()).header("Accept-Language", "ja").param("nps", "11"))
                .andReturn().getResponse().getStatus();
        assertThat(refused).isEqualTo(400);
        mvc.perform(post(survey).with(csrf()).param("nps", "10").param("comment", "<b>最高</b>"));

        SurveySummary summary = surveys.summary(organization.id(), meetup.id());
        assertThat(summary.responses()).isEqualTo(1);
        assertThat(summary.nps()).isEqualByComparingTo("100.0");
        assertThat(surveys.respondents(organization.id(), meetup.id())).singleElement()
                .satisfies(r -> assertThat(r.response().answers().wantsToSpeak()).isFalse());

        clock.set(meetup.endsAt().plus(Duration.ofDays(14)));
        String closed = mvc.perform(get(survey).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        assertThat(closed).contains("id=\"survey-closed\"").doesNotContain("id=\"survey-form\"");
        int late = mvc.perform(post(survey).with(csrf()).param("nps", "3")).andReturn().getResponse().getStatus();
        assertThat(late).isEqualTo(400);
        assertThat(surveys.summary(organization.id(), meetup.id()).nps()).isEqualByComparingTo("100.0");
    }

    @Test
    void whereNobodyCheckedInTheConfirmedGetTheSurveyButNotTheWaitlisted() {
        clock.set(Instant.parse("2030-05-01T09:00:00Z"));
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event meetup = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 1);
        door.register(meetup, "確定 一郎", "ichiro@example.com");
        door.register(meetup, "補欠 三郎", "saburo@example.com");

        clock.set(meetup.endsAt().plus(Duration.ofHours(3)));
        assertThat(surveyEmails.runDue()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> !surveysTo("ichiro@example.com").isEmpty());
        assertThat(surveysTo("saburo@example.com")).isEmpty();
    }

    @Test
    void theSurveyLinksToThePreferencesWhereStoppingSurveysHoldsForTheAddressAtLaterEvents() throws Exception {
        clock.set(Instant.parse("2030-07-01T09:00:00Z"));
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event first = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 5);
        Event second = door.event(organization, clock.instant().plus(Duration.ofDays(8)), 5);
        for (Event meetup : List.of(first, second)) {
            // on the public form: each registration belongs to a provisional member of its own
            for (String person : List.of("hanako", "ichiro")) {
                registrations.register(meetup.id(), "一般枠",
                        new Applicant("出席 " + person, person + "-prefs@example.com", Locale.JAPANESE), null);
            }
        }
        clock.set(first.endsAt().plus(Duration.ofHours(2)).plusSeconds(1));
        assertThat(surveyEmails.runDue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> !surveysTo("hanako-prefs@example.com").isEmpty());
        ReceivedEmail invitation = surveysTo("hanako-prefs@example.com").get(0);
        Matcher preferences = Pattern.compile("http://firstpin\\.test(/p/p_[A-Za-z0-9_-]{43})").matcher(invitation.text());
        assertThat(preferences.find()).isTrue();
        assertThat(invitation.header("List-Unsubscribe")).startsWith("<http://firstpin.test/api/v1/email-preferences/p_");

        String page = mvc.perform(get(preferences.group(1)).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        String saved = mvc.perform(post(preferences.group(1)).with(csrf()).header("Accept-Language", "en")
                        .param("wanted", "output-nudges", "segment-emails"))
                .andReturn().getResponse().getContentAsString();
        clock.set(second.endsAt().plus(Duration.ofHours(2)).plusSeconds(1));
        int secondRound = surveyEmails.runDue();

        assertThat(page).contains("参加したイベントの後のアンケート", "id=\"topic-survey-invitations\"", "checked")
                .doesNotContain("hanako-prefs@example.com");
        assertThat(saved).contains("id=\"preferences-saved\"")
                .containsPattern("value=\"survey-invitations\"(?![^>]*checked)")
                .containsPattern("value=\"output-nudges\"[^>]*checked");
        assertThat(secondRound)
                .as("Ichiro only: Hanako's later registration is another (provisional) member's, at the same address")
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> surveysTo("ichiro-prefs@example.com").size() == 2);
        assertThat(surveysTo("hanako-prefs@example.com")).hasSize(1);
    }
}
