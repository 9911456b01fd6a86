package io.firstpin.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.attendance.CheckInMethod;
import io.firstpin.attendance.CheckIns;
import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.ConflictException;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Registered;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.HtmxPage;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.StaffLogin;
import io.firstpin.testing.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms",
        "firstpin.surveys.check-interval=1h", "firstpin.outputs.nudge-enabled=false",
        "firstpin.reminders.poll-interval=1h"})
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
@DirtiesContext
class SpeakerPipelineTests {

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
    CheckIns checkIns;
    @Autowired
    Surveys surveys;
    @Autowired
    SpeakerPipeline pipeline;
    @Autowired
    MovableClock clock;
    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;

    private static SurveyAnswers volunteering(String topic) {
        return new SurveyAnswers(9, 6, 5, null, null, true, topic, false, false);
    }

    private static SurveyAnswers justRating() {
        return new SurveyAnswers(7, null, null, null, null, false, null, false, false);
    }

    @Test
    void aVolunteerFromTheSurveyIsInvitedWithAReservedLtSeatAndAFullFrameIsRefused() {
        clock.set(Instant.parse("2030-07-01T09:00:00Z"));
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event meetup = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 10);
        Registered keen = door.register(meetup, "登壇 したい", "keen@example.com");
        Registered quiet = door.register(meetup, "聞く 専門", "quiet@example.com");
        for (Registered attendee : List.of(keen, quiet)) {
            checkIns.checkIn(organization.id(), meetup.id(), attendee.registration().id(), CheckInMethod.STAFF);
        }
        clock.set(meetup.endsAt().plus(Duration.ofHours(3)));
        surveys.answer(keen.manageToken(), meetup.id(), volunteering("Step Functions の失敗談"));
        surveys.answer(quiet.manageToken(), meetup.id(), justRating());
        Event next = events.plan(communities.start(organization.id(),
                        new Slug("next-" + System.nanoTime()),
                        CommunityProfile.of("JAWS-UG 次回", null, null, "Asia/Tokyo"), null),
                new EventDetails("次回の勉強会", null, EventKind.STUDY_SESSION,
                        clock.instant().plus(Duration.ofDays(30)), null, null, true, null, Optional.empty()),
                List.of(), List.of(new FramePlan(null, "一般枠", 50, FrameMode.FIFO, null),
                        new FramePlan(null, "LT枠", 1, FrameMode.FIFO, null)), "一般枠");
        Frame lightningTalks = events.frames(next.id()).stream().filter(f -> f.name().equals("LT枠")).findFirst()
                .orElseThrow();

        List<SpeakerPipeline.Volunteer> volunteers = pipeline.volunteers(organization.id());
        assertThat(volunteers).singleElement().satisfies(v -> {
            assertThat(v.displayName()).isEqualTo("登壇 したい");
            assertThat(v.talkTopic()).isEqualTo("Step Functions の失敗談");
            assertThat(v.eventsAttended()).isEqualTo(1);
            assertThat(v.lightningTalks()).isZero();
        });
        assertThat(pipeline.upcomingFrames(organization.id())).extracting(SpeakerPipeline.OpenFrame::frameName)
                .containsExactly("一般枠", "LT枠");

        Registered invited = pipeline.invite(organization.id(), volunteers.get(0).memberId(), lightningTalks.id(),
                Locale.JAPANESE);

        assertThat(invited.registration().status()).isEqualTo(RegistrationStatus.CONFIRMED);
        assertThat(invited.registration().frameId()).isEqualTo(lightningTalks.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> TestSmtp.receivedBy(smtp, "keen@example.com").stream()
                .anyMatch(mail -> mail.subject().equals("【次回の勉強会】登壇のご招待")
                        && mail.text().contains("http://firstpin.test/r/r_")));
        long quietMember = quiet.registration().memberId();
        assertThatThrownBy(() -> pipeline.invite(organization.id(), quietMember, lightningTalks.id(), Locale.JAPANESE))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.code()).isEqualTo("registration.reserve.full"));
        assertThatThrownBy(() -> pipeline.invite(organization.id(), volunteers.get(0).memberId(),
                events.frames(next.id()).get(0).id(), Locale.JAPANESE)).isInstanceOf(ConflictException.class);
        assertThat(events.occupancy(next.id()).get(lightningTalks.id()).confirmed()).isEqualTo(1);
    }

    @Test
    void viewersSeeThePipelineAndOnlyLeadersInvite() throws Exception {
        clock.set(Instant.parse("2030-09-01T09:00:00Z"));
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event meetup = door.event(organization, clock.instant().plus(Duration.ofDays(1)), 10);
        Registered keen = door.register(meetup, "<b>登壇</b> したい", "keen-page@example.com");
        Registered shy = door.register(meetup, "匿名 希望", "shy-page@example.com");
        checkIns.checkIn(organization.id(), meetup.id(), keen.registration().id(), CheckInMethod.STAFF);
        checkIns.checkIn(organization.id(), meetup.id(), shy.registration().id(), CheckInMethod.STAFF);
        clock.set(meetup.endsAt().plus(Duration.ofHours(3)));
        surveys.answer(keen.manageToken(), meetup.id(), volunteering("CDK"));
        surveys.answer(shy.manageToken(), meetup.id(),
                new SurveyAnswers(3, null, 2, null, "匿名の声", true, "匿名で話したいこと", true, true));
        Event next = door.event(organization, clock.instant().plus(Duration.ofDays(20)), 5);
        long frame = events.frames(next.id()).get(0).id();
        MockHttpSession viewer = StaffLogin.newStaff(mvc, accounts, organization, Role.VIEWER);

        String page = mvc.perform(get("/manage/" + organization.slug() + "/speakers").session(viewer)
                .header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString();
        int invite = mvc.perform(post("/manage/" + organization.slug() + "/speakers/"
                        + keen.registration().memberId() + "/invite").session(viewer).with(csrf())
                .param("frameId", String.valueOf(frame))).andReturn().getResponse().getStatus();
        int anonymous = mvc.perform(get("/manage/" + organization.slug() + "/speakers")).andReturn().getResponse()
                .getStatus();

        assertThat(page).contains("登壇者パイプライン").contains("&lt;b&gt;登壇&lt;/b&gt; したい").contains("CDK")
                .doesNotContain("keen-page@example.com");
        assertThat(invite).isEqualTo(403);
        assertThat(anonymous).isIn(302, 401);
        String keenProfile = HtmxPage.fetch(mvc, viewer, "/manage/" + organization.slug() + "/members/"
                + keen.registration().memberId(), "ja").getContentAsString();
        String shyProfile = HtmxPage.fetch(mvc, viewer, "/manage/" + organization.slug() + "/members/"
                + shy.registration().memberId(), "ja").getContentAsString();
        assertThat(keenProfile).contains("id=\"survey-answers\"");
        String slug = communities.inOrganization(organization.id(), meetup.communityId()).slug();
        String trend = mvc.perform(get("/manage/" + organization.slug() + "/communities/" + slug + "/surveys")
                .session(viewer).header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString();
        assertThat(trend).contains("id=\"trend\"").contains("受付の勉強会").contains(">0.0<").contains("id=\"survey-data\"");
        assertThat(shyProfile).doesNotContain("匿名の声").doesNotContain("id=\"survey-answers\"");
        // the anonymous wish to speak never reaches the named pipeline
        assertThat(pipeline.volunteers(organization.id())).extracting(SpeakerPipeline.Volunteer::memberId)
                .containsExactly(keen.registration().memberId());
        assertThat(page).doesNotContain("匿名 希望").doesNotContain("匿名で話したいこと");
    }
}
