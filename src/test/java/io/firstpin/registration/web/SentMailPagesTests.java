package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.identity.Role;
import io.firstpin.notification.EventMailLog;
import io.firstpin.notification.MailStatus;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestTenant;
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
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An event's sent mail: staff of its organization see what went to whom and how delivery stands, never another
 * event's or organization's emails, never a private link. One attempt only, so an unreachable server gives up at once.
 */
@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
        "firstpin.mail.max-attempts=1"})
@AutoConfigureMockMvc
@DirtiesContext
class SentMailPagesTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern PRIVATE_LINK = Pattern.compile("/r/(r_[A-Za-z0-9_-]{43})");
    private static final Pattern ANY_SECRET = Pattern.compile("(?<![A-Za-z0-9_-])[a-z]{1,4}_[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    EventMailLog mailLog;

    private Event studySession(TestTenant tenant, String title) {
        return events.plan(tenant.community(), new EventDetails(title, null, EventKind.STUDY_SESSION,
                Instant.now().plus(20, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 1, FrameMode.FIFO, null)), "一般枠");
    }

    private void register(Event event, String name, String email) {
        registrations.register(event.id(), "一般枠", new Applicant(name, email, Locale.JAPANESE));
    }

    private MockHttpServletResponse page(TestTenant tenant, long eventId, MockHttpSession staff, String query)
            throws Exception {
        return mvc.perform(get(tenant.manage("/events/" + eventId + "/mail" + query))
                .session(staff).header("Accept-Language", "ja")).andReturn().getResponse();
    }

    /** Waits until the event has this many emails at the status. */
    private void awaitMails(TestTenant tenant, Event event, MailStatus status, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailLog.of(tenant.id(), event.id(), null, 0)
                .counts().get(status) >= count);
    }

    @Test
    void staffSeeWhatWentToWhomForTheirEventOnlyAndNeverAPrivateLink() throws Exception {
        TestTenant tenant = TestTenant.found(context, "mail", "JAWS-UG 札幌");
        Event sapporo = studySession(tenant, "札幌勉強会 #12");
        Event otaru = studySession(tenant, "小樽勉強会 #3");
        register(sapporo, "札幌 一郎", "ichiro-" + tenant.id() + "@example.com");
        register(sapporo, "札幌 二郎", "jiro-" + tenant.id() + "@example.com");
        register(otaru, "小樽 花子", "hanako-" + tenant.id() + "@example.com");
        awaitMails(tenant, sapporo, MailStatus.SENT, 2);
        String mailed = TestSmtp.awaitReceived(smtp, "ichiro-" + tenant.id() + "@example.com", 1).get(0).text();
        Matcher link = PRIVATE_LINK.matcher(mailed);
        assertThat(link.find()).as(mailed).isTrue();
        MockHttpSession viewer = tenant.staff(mvc, Role.VIEWER);

        MockHttpServletResponse response = page(tenant, sapporo.id(), viewer, "");

        String html = response.getContentAsString();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(html).contains("ichiro-" + tenant.id() + "@example.com")
                .contains("jiro-" + tenant.id() + "@example.com")
                .contains("【札幌勉強会 #12】参加登録が完了しました")
                .contains("参加確定").contains("補欠").contains("送信済み 2 通")
                .doesNotContain("hanako-" + tenant.id()).doesNotContain("小樽勉強会")
                .doesNotContain(link.group(1));
        assertThat(ANY_SECRET.matcher(html).find()).as("a private link on the page").isFalse();
        assertThat(page(tenant, otaru.id(), viewer, "").getContentAsString())
                .contains("hanako-" + tenant.id()).doesNotContain("ichiro-" + tenant.id());
    }

    @Test
    void anotherOrganizationsStaffNeverSeeTheEventsMail() throws Exception {
        TestTenant tenant = TestTenant.found(context, "mail", "JAWS-UG 札幌");
        TestTenant other = TestTenant.found(context, "other", "Other");
        Event event = studySession(tenant, "札幌勉強会 #13");
        register(event, "札幌 三郎", "saburo-" + tenant.id() + "@example.com");
        awaitMails(tenant, event, MailStatus.SENT, 1);
        MockHttpSession otherAdmin = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        MockHttpServletResponse theirs = page(tenant, event.id(), otherAdmin, "");
        MockHttpServletResponse throughOwn = page(other, event.id(), otherAdmin, "");

        assertThat(theirs.getStatus()).isIn(403, 404);
        assertThat(throughOwn.getStatus()).isEqualTo(404);
        assertThat(theirs.getContentAsString() + throughOwn.getContentAsString()).doesNotContain("saburo-");
    }

    @Test
    void theSignedOutAreSentToSignIn() throws Exception {
        TestTenant tenant = TestTenant.found(context, "mail", "JAWS-UG 札幌");
        Event event = studySession(tenant, "札幌勉強会 #14");

        MockHttpServletResponse response = mvc.perform(get(tenant.manage("/events/" + event.id() + "/mail")))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).contains("/login");
    }

    @Test
    void aDeliveryThatFailedShowsWhyAndTheFilterFindsIt() throws Exception {
        TestTenant tenant = TestTenant.found(context, "mail", "JAWS-UG 札幌");
        Event event = studySession(tenant, "札幌勉強会 #15");
        smtp.stop();
        register(event, "札幌 四郎", "shiro-" + tenant.id() + "@example.com");
        awaitMails(tenant, event, MailStatus.FAILED, 1);
        smtp.start();
        register(event, "札幌 五郎", "goro-" + tenant.id() + "@example.com");
        awaitMails(tenant, event, MailStatus.SENT, 1);
        MockHttpSession viewer = tenant.staff(mvc, Role.VIEWER);

        String all = page(tenant, event.id(), viewer, "").getContentAsString();
        MockHttpServletResponse onlyFailed = mvc.perform(get(tenant.manage("/events/" + event.id()
                + "/mail?status=FAILED")).session(viewer).header("Accept-Language", "en")
                .header("HX-Request", "true")).andReturn().getResponse();

        assertThat(all).contains("送信断念 1 通").contains("送信済み 1 通")
                .contains("メールサーバーに接続できませんでした");
        String fragment = onlyFailed.getContentAsString();
        assertThat(fragment).doesNotContain("<html").contains("id=\"mail-results\"")
                .contains("shiro-" + tenant.id()).doesNotContain("goro-" + tenant.id())
                .contains("Given up").contains("The mail server could not be reached")
                .as("a viewer may not send again").doesNotContain("id=\"retry-");
    }

    @Test
    void aLeaderSendsAGivenUpEmailAgainAndAViewerMayNot() throws Exception {
        TestTenant tenant = TestTenant.found(context, "mail", "JAWS-UG 札幌");
        Event event = studySession(tenant, "札幌勉強会 #16");
        smtp.stop();
        register(event, "札幌 六郎", "rokuro-" + tenant.id() + "@example.com");
        awaitMails(tenant, event, MailStatus.FAILED, 1);
        smtp.start();
        long failed = mailLog.of(tenant.id(), event.id(), MailStatus.FAILED, 0).mails().get(0).id();
        String retry = tenant.manage("/events/" + event.id() + "/mail/" + failed + "/retry");
        MockHttpSession viewer = tenant.staff(mvc, Role.VIEWER);
        MockHttpSession leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);

        int refused = mvc.perform(post(retry).with(csrf()).session(viewer)).andReturn().getResponse().getStatus();
        assertThat(page(tenant, event.id(), leader, "").getContentAsString()).contains("id=\"retry-" + failed);
        MockHttpServletResponse retried = mvc.perform(post(retry).with(csrf()).session(leader)).andReturn()
                .getResponse();

        assertThat(refused).isEqualTo(403);
        assertThat(retried.getStatus()).isEqualTo(302);
        assertThat(retried.getRedirectedUrl()).endsWith("/events/" + event.id() + "/mail");
        TestSmtp.awaitReceived(smtp, "rokuro-" + tenant.id() + "@example.com", 1);
        awaitMails(tenant, event, MailStatus.SENT, 1);
        int again = mvc.perform(post(retry).with(csrf()).session(leader)).andReturn().getResponse().getStatus();
        assertThat(again).as("nothing given up any more").isEqualTo(404);
    }
}
