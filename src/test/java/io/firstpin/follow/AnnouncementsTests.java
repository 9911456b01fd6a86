package io.firstpin.follow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.EventLifecycle;
import io.firstpin.event.Events;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.member.EmailPreferences;
import io.firstpin.member.EmailTopic;
import io.firstpin.member.Erasures;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.MemberExport;
import io.firstpin.member.MemberExports;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.TestSmtp;
import io.firstpin.testing.TestSmtp.ReceivedEmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
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
        "firstpin.follows.announcements-enabled=false"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@DirtiesContext
class AnnouncementsTests {

    private static final int SMTP_PORT = TestSmtp.freePort();

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @Autowired
    Announcements announcements;
    @Autowired
    Follows follows;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Members members;
    @Autowired
    EmailPreferences preferences;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    EventLifecycle lifecycle;
    @Autowired
    MemberExports exports;
    @Autowired
    Erasures erasures;

    private String slug;
    private Organization organization;
    private Community tokyo;
    private Community osaka;

    @BeforeEach
    void twoCommunities() {
        clock.set(Instant.parse("2030-03-01T09:00:00Z"));
        // earlier tests' events are all in the past by now, so their followers are told nothing more
        announcements.runDue();
        slug = "announce-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Announce");
        tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        osaka = communities.start(organization.id(), new Slug(slug + "-osaka"),
                CommunityProfile.of("JAWS-UG 大阪", null, null, "Asia/Tokyo"), null);
    }

    private long member(String name, Locale locale, Community... followed) {
        long id = members.register(organization.id(), name, List.of(IdentityInput.email(address(name)))).id();
        for (Community community : followed) {
            follows.follow(organization.id(), id, community.id(), locale);
        }
        return id;
    }

    private String address(String name) {
        return name + "-" + slug + "@example.com";
    }

    private Event publish(Community community, String title, Duration in) {
        return events.plan(community, new EventDetails(title, null, EventKind.STUDY_SESSION, clock.instant().plus(in),
                null, null, true, null, Optional.empty()), List.of(), List.of(), "一般枠");
    }

    @Test
    void aDraftIsAnnouncedWhenItIsPublishedAndAnEventHiddenBeforeItsAnnouncementNotAtAll() {
        member("hanako", Locale.ENGLISH, tokyo);
        clock.advance(Duration.ofMinutes(1));
        Event draft = events.planDraft(tokyo, new EventDetails("Drafted night", null, EventKind.STUDY_SESSION,
                clock.instant().plus(Duration.ofDays(7)), null, null, true, null, Optional.empty()), List.of(),
                List.of(), "一般枠", RegistrationWindow.UNTIL_THE_EVENT_ENDS);
        Event mistaken = publish(tokyo, "Mistaken test event", Duration.ofDays(8));
        lifecycle.hide(organization.id(), mistaken.id());

        assertThat(announcements.runDue()).as("a draft is no news, nor a hidden event").isZero();
        lifecycle.publish(organization.id(), draft.id());
        assertThat(announcements.runDue()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(20)).until(() -> announcementsTo("hanako").size() == 1);
        assertThat(announcementsTo("hanako").get(0).text()).contains("Drafted night")
                .doesNotContain("Mistaken test event");
        lifecycle.hide(organization.id(), draft.id());
        lifecycle.publish(organization.id(), draft.id());
        clock.advance(Duration.ofDays(2));
        assertThat(announcements.runDue()).as("showing a hidden event again is no news").isZero();
    }

    private List<ReceivedEmail> announcementsTo(String name) {
        return TestSmtp.receivedBy(smtp, address(name));
    }

    @Test
    void followersGetOneGroupedEmailADayWithAOneClickUnsubscribeThatIsHonoured() throws Exception {
        member("hanako", Locale.ENGLISH, tokyo, osaka);
        long jiro = member("jiro", Locale.JAPANESE, tokyo, osaka);
        preferences.optOut(organization.id(), jiro, EmailTopic.announcementsOf(osaka.id()));
        member("saburo", Locale.JAPANESE);
        clock.advance(Duration.ofMinutes(1));
        Event first = publish(tokyo, "Serverless night", Duration.ofDays(7));
        Event second = publish(osaka, "Container day", Duration.ofDays(10));
        publish(tokyo, "Last year's meetup", Duration.ofDays(-300));

        assertThat(announcements.runDue()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).until(() -> announcementsTo("hanako").size() == 1
                && announcementsTo("jiro").size() == 1);
        ReceivedEmail hanako = announcementsTo("hanako").get(0);
        assertThat(hanako.subject()).contains("New events").contains("JAWS-UG 東京").contains("JAWS-UG 大阪");
        assertThat(hanako.text()).contains("2 new events").contains("Serverless night").contains("Container day")
                .contains("http://firstpin.test/e/" + first.id()).contains("http://firstpin.test/e/" + second.id())
                .doesNotContain("Last year's meetup")
                .containsPattern("http://firstpin\\.test/p/p_[A-Za-z0-9_-]{43}");
        assertThat(hanako.text().indexOf("Serverless night")).isLessThan(hanako.text().indexOf("Container day"));
        ReceivedEmail jiroMail = announcementsTo("jiro").get(0);
        assertThat(jiroMail.subject()).contains("新しいイベント");
        assertThat(jiroMail.text()).contains("Serverless night").doesNotContain("Container day");
        assertThat(announcementsTo("saburo")).isEmpty();

        clock.advance(Duration.ofHours(1));
        Event third = publish(tokyo, "Security JAWS", Duration.ofDays(14));
        assertThat(announcements.runDue()).as("one email a day at most").isZero();
        clock.advance(Duration.ofDays(1));
        assertThat(announcements.runDue()).isEqualTo(2);
        await().atMost(Duration.ofSeconds(20)).until(() -> announcementsTo("hanako").size() == 2);
        ReceivedEmail next = announcementsTo("hanako").get(1);
        assertThat(next.text()).contains("a new event").contains("Security JAWS")
                .contains("http://firstpin.test/e/" + third.id()).doesNotContain("Serverless night");

        String oneClick = next.header("List-Unsubscribe").replaceAll("[<>]", "");
        assertThat(oneClick).startsWith("http://firstpin.test/api/v1/email-preferences/p_");
        int status = mvc.perform(post(oneClick.substring("http://firstpin.test".length()))
                .contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(204);

        publish(osaka, "Osaka again", Duration.ofDays(20));
        clock.advance(Duration.ofDays(2));
        assertThat(announcements.runDue()).as("only Jiro, who still wants Tokyo's; Osaka's he stopped").isZero();
        publish(tokyo, "Tokyo again", Duration.ofDays(20));
        assertThat(announcements.runDue()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> announcementsTo("jiro").size() == 3);
        assertThat(announcementsTo("hanako")).hasSize(2);
    }

    @Test
    void twoInstancesRunningAtOnceSendOneEmail() throws Exception {
        member("shiro", Locale.ENGLISH, tokyo);
        clock.advance(Duration.ofMinutes(1));
        publish(tokyo, "Race night", Duration.ofDays(7));

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> runs = List.of(1, 2).stream()
                .map(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return announcements.runDue();
                }))
                .toList();
        start.countDown();

        assertThat(runs.stream().mapToInt(CompletableFuture::join).sum()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> announcementsTo("shiro").size() == 1);
        Thread.sleep(500);
        assertThat(announcementsTo("shiro")).hasSize(1);
    }

    @Test
    void theAnnouncementsSentAreInTheMembersExportAndGoWithTheirErasureWhileTheFollowStaysCounted() {
        long rokuro = member("rokuro", Locale.ENGLISH, tokyo);
        clock.advance(Duration.ofMinutes(1));
        publish(tokyo, "Export night", Duration.ofDays(7));
        announcements.runDue();

        MemberExport export = exports.export(organization.id(), rokuro, true);
        erasures.erase(organization.id(), rokuro, true);

        assertThat(export.announcements()).extracting(MemberExport.Announcement::event)
                .containsExactly("Export night");
        assertThat(export.follows()).extracting(MemberExport.Follow::community).containsExactly("JAWS-UG 東京");
        assertThat(exports.export(organization.id(), rokuro, false).announcements()).isEmpty();
        assertThat(follows.followersAt(tokyo.id(), clock.instant())).isEqualTo(1);
        publish(tokyo, "After the erasure", Duration.ofDays(9));
        clock.advance(Duration.ofDays(2));
        assertThat(announcements.runDue()).as("an erased member has no address to write to").isZero();
    }

    @Test
    void someoneWhoFollowsAfterAnEventWasPublishedIsNotToldOfIt() {
        clock.advance(Duration.ofMinutes(1));
        publish(tokyo, "Before you came", Duration.ofDays(7));
        clock.advance(Duration.ofMinutes(1));
        member("goro", Locale.ENGLISH, tokyo);

        assertThat(announcements.runDue()).isZero();
    }
}
