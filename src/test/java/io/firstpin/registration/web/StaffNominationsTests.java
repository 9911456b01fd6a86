package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.Frame;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.identity.Role;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Lotteries;
import io.firstpin.registration.Nomination;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Nomination (指名) from the staff list of registrations. */
@DatabaseTest
@SpringBootTest(properties = "db-scheduler.enabled=false")
@AutoConfigureMockMvc
class StaffNominationsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Lotteries lotteries;

    TestTenant tenant;
    Frame frame;
    List<Long> applicants;

    @BeforeEach
    void aLotteryFrameOfOneSeatWithTwoApplicants() {
        tenant = TestTenant.found(context, "staff-nominate", "Kotlin Fest");
        Instant startsAt = Instant.now().plus(10, ChronoUnit.DAYS);
        Event event = events.plan(tenant.community(), new EventDetails("Kotlin勉強会", null, EventKind.STUDY_SESSION,
                startsAt, null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "抽選枠", 1, FrameMode.LOTTERY, startsAt.minus(2, ChronoUnit.DAYS))),
                "抽選枠");
        frame = events.frames(event.id()).get(0);
        applicants = IntStream.rangeClosed(1, 2).mapToObj(i -> registrations.register(event.id(), "抽選枠",
                new Applicant("応募 " + i, "apply" + i + "-" + tenant.slug() + "@example.com", Locale.JAPANESE))
                .registration().id()).toList();
    }

    private MockHttpSession signedIn(Role role) {
        return tenant.staff(mvc, role, "幹事 " + role.name());
    }

    private int nominate(long registrationId, MockHttpSession session, boolean withCsrf) throws Exception {
        var request = post(tenant.manage("/registrations/" + registrationId + "/nomination"))
                .param("on", "true").session(session);
        return mvc.perform(withCsrf ? request.with(csrf()) : request).andReturn().getResponse().getStatus();
    }

    private String page(MockHttpSession session, String language) throws Exception {
        return mvc.perform(get(tenant.manage("/events/" + frame.eventId() + "/registrations"))
                .session(session).header("Accept-Language", language)).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aLeaderNominatesFromTheListAndThePageSaysWhoInJapaneseAndEnglish() throws Exception {
        MockHttpSession leader = signedIn(Role.COMMUNITY_LEADER);

        assertThat(nominate(applicants.get(1), leader, true)).isEqualTo(302);

        assertThat(lotteries.nominations(tenant.id(), frame.id())).extracting(Nomination::registrationId)
                .containsExactly(applicants.get(1));
        assertThat(lotteries.nominations(tenant.id(), frame.id()).get(0).nominatedBy()).startsWith("account ");
        String japanese = page(leader, "ja");
        assertThat(japanese).contains("指名を取り消す").contains("指名する").contains("現在1人を指名")
                .contains("幹事 COMMUNITY_LEADERが指名");
        assertThat(page(leader, "en")).contains("Withdraw nomination").contains("1 nominated so far");
    }

    @Test
    void aSecondNominationForTheOnlySeatComesBackExplained() throws Exception {
        MockHttpSession leader = signedIn(Role.COMMUNITY_LEADER);
        nominate(applicants.get(0), leader, true);

        var refused = mvc.perform(post(tenant.manage("/registrations/" + applicants.get(1) + "/nomination"))
                        .param("on", "true").session(leader).with(csrf())
                        .header("Accept-Language", "ja"))
                .andReturn();

        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(String.valueOf(refused.getFlashMap().get("nominationRefused"))).contains("すべて指名済み");
        assertThat(lotteries.nominations(tenant.id(), frame.id())).hasSize(1);
    }

    @Test
    void viewersOtherOrganizationsAndFormsWithoutTheirTokenNominateNobody() throws Exception {
        MockHttpSession viewer = signedIn(Role.VIEWER);
        MockHttpSession leader = signedIn(Role.COMMUNITY_LEADER);
        TestTenant other = TestTenant.found(context, "nominate-other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        int byViewer = nominate(applicants.get(0), viewer, true);
        int withoutCsrf = nominate(applicants.get(0), leader, false);
        int byOutsider = mvc.perform(post(other.manage("/registrations/" + applicants.get(0) + "/nomination"))
                .param("on", "true").session(outsider).with(csrf())).andReturn().getResponse()
                .getStatus();

        assertThat(byViewer).isEqualTo(403);
        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(byOutsider).isEqualTo(404);
        assertThat(lotteries.nominations(tenant.id(), frame.id())).isEmpty();
        assertThat(page(viewer, "ja")).doesNotContain("指名する");
    }
}
