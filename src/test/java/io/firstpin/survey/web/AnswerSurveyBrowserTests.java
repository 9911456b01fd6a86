package io.firstpin.survey.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckIns;
import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registered;
import io.firstpin.registration.Registrations;
import io.firstpin.survey.SurveyEmails;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
                "firstpin.surveys.check-interval=1h", "firstpin.outputs.nudge-enabled=false"})
@Import(MovableClock.Config.class)
class AnswerSurveyBrowserTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern SURVEY_LINK = Pattern.compile("http://firstpin\\.test(/r/r_[A-Za-z0-9_-]+/survey)");
    private static final String PASSWORD = "survey-leader-password";

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;
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
    StaffAccounts accounts;
    @Autowired
    MovableClock clock;

    private static String surveyLinkMailedTo(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(smtp, address).isEmpty());
        Matcher link = SURVEY_LINK.matcher(TestSmtp.receivedBy(smtp, address).stream()
                .filter(m -> m.subject().contains("アンケート")).findFirst().orElseThrow().text());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    @Test
    void anAttendeeAnswersFromTheEmailedLinkAndALeaderSeesTheResult() {
        clock.set(Instant.parse("2030-07-01T09:00:00Z"));
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event meetup = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 10);
        Registered hanako = door.register(meetup, "出席 花子", "hanako@example.jp");
        checkIns.checkIn(organization.id(), meetup.id(), hanako.registration().id(), CheckInMethod.STAFF);
        accounts.openWithRole("leader@survey.test", "リーダー", PASSWORD, organization.id(), Role.COMMUNITY_LEADER);
        clock.set(meetup.endsAt().plus(Duration.ofHours(3)));
        assertThat(surveyEmails.runDue()).isEqualTo(1);

        try (Browser browser = Browser.open(port, "ja")) {
            browser.visit(surveyLinkMailedTo("hanako@example.jp"))
                    .click(By.xpath("//input[@id='nps-9']/.."))
                    .click(By.xpath("//input[@id='ces-6']/.."))
                    .click(By.xpath("//input[@id='heat-5']/.."))
                    .type(By.id("comment"), "<script>LT が楽しかった</script>")
                    .click(By.id("survey-submit"));
            assertThat(browser.find(By.id("survey-saved")).getText()).contains("ありがとうございました");

            browser.signIn("leader@survey.test", PASSWORD);
            browser.visit("/manage/" + organization.slug() + "/events/" + meetup.id()).click(By.id("survey-link"));

            assertThat(browser.find(By.id("survey-responses")).getText()).isEqualTo("1");
            assertThat(browser.find(By.id("survey-nps")).getText()).isEqualTo("100.0");
            assertThat(browser.find(By.cssSelector("#survey-answers .comment")).getText())
                    .isEqualTo("<script>LT が楽しかった</script>");
            assertThat(browser.find(By.cssSelector("#survey-answers .respondent")).getText()).isEqualTo("出席 花子");
            browser.find(By.cssSelector("#chart-nps canvas"));
        }
    }
}
