package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.identity.Role;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.PastRegistrations;
import io.firstpin.registration.PastRegistrations.PastRegistration;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class StaffRegistrationsTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Members members;
    @Autowired
    PastRegistrations pastRegistrations;

    TestTenant tenant;
    Event event;

    @BeforeEach
    void anEventWithTwoSeatsAndThreeRegistrants() {
        tenant = TestTenant.found(context, "staff-reg", "JAWS-UG 名古屋");
        event = events.plan(tenant.community(), new EventDetails("名古屋勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(10, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 2, FrameMode.FIFO, null)), "一般枠");
        for (String name : List.of("名古屋 一郎", "=HYPERLINK(\"http://evil\")", "補欠 三郎")) {
            registrations.register(event.id(), "一般枠",
                    new Applicant(name, "p" + name.hashCode() + "@example.com", Locale.JAPANESE));
        }
    }

    private MockHttpSession signedIn(Role role) {
        return tenant.staff(mvc, role);
    }

    @Test
    void staffSeeRegistrationsByFrameAndStatusWithTheWaitlistOrder() throws Exception {
        String html = mvc.perform(get(tenant.manage("/events/" + event.id() + "/registrations"))
                .session(signedIn(Role.VIEWER)).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("名古屋 一郎").contains("補欠 三郎").contains("@example.com")
                .contains("参加確定 2 人中 0 人が受付済み");
    }

    @Test
    void theCsvOpensInExcelWithJapaneseHeadersAndNoFormulas() throws Exception {
        byte[] csv = mvc.perform(get(tenant.manage("/events/" + event.id() + "/registrations.csv"))
                .session(signedIn(Role.VIEWER)).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).isEqualTo("受付番号,名前,メールアドレス,参加枠,状態,補欠順,受付済み,申込日時");
        assertThat(lines).hasSize(4);
        assertThat(text).contains("'=HYPERLINK").contains("補欠,1");
    }

    @Test
    void theListAndTheCsvNumberRegistrantsOneTwoThreeInRegistrationOrderNotByDatabaseId() throws Exception {
        String path = tenant.manage("/events/" + event.id() + "/registrations");
        MockHttpSession viewer = signedIn(Role.VIEWER);
        String csv = mvc.perform(get(path + ".csv").session(viewer).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String html = page(event, viewer);
        List<Long> ids = registrations.ofEvent(tenant.id(), event.id()).stream()
                .map(e -> e.registration().id()).toList();

        assertThat(csv.lines().skip(1).map(line -> line.substring(0, line.indexOf(','))).toList())
                .containsExactly("1", "2", "3");
        assertThat(html).contains("<td class=\"num\">1</td>\n        <td>名古屋 一郎</td>")
                .doesNotContain("<td>" + ids.get(0) + "</td>");
    }

    @Test
    void anImportedPastEventOffersNoLiveControlsAndSaysWhoHasNoEmail() throws Exception {
        Event past = events.plan(tenant.community(), new EventDetails("名古屋勉強会 #1", null, EventKind.STUDY_SESSION,
                Instant.now().minus(400, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 50, FrameMode.FIFO, null)), "一般枠");
        long frame = events.frames(past.id()).get(0).id();
        Member withEmail = members.register(tenant.id(), "メール 有子", List.of(IdentityInput.email("yu@example.com")));
        Member withoutEmail = members.register(tenant.id(), "退会 ユーザー", List.of());
        pastRegistrations.record(tenant.id(), past.id(), List.of(
                new PastRegistration(withEmail.id(), frame, "メール 有子", "yu@example.com", RegistrationStatus.CONFIRMED,
                        past.startsAt().minus(3, ChronoUnit.DAYS)),
                new PastRegistration(withoutEmail.id(), frame, "退会 ユーザー", null, RegistrationStatus.CONFIRMED,
                        past.startsAt().minus(2, ChronoUnit.DAYS))));

        MockHttpSession leader = signedIn(Role.COMMUNITY_LEADER);
        String imported = page(past, leader);
        String live = page(event, leader);

        for (String control : List.of("id=\"reminders\"", "id=\"reconfirmation-toggle\"", "id=\"message-form\"",
                "/cancel\"")) {
            assertThat(live).contains(control);
            assertThat(imported).doesNotContain(control);
        }
        assertThat(imported).contains("id=\"imported-event\"")
                .contains("メールアドレスのない方が 1 人います").contains("<li>退会 ユーザー</li>")
                .doesNotContain("<li>メール 有子</li>");
        assertThat(live).doesNotContain("id=\"imported-event\"");
        String part = tenant.manage("/events/%d/imported-roster");
        assertThat(mvc.perform(get(part.formatted(past.id())).session(leader).header("HX-Request", "true")
                .header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString())
                .contains("<li>退会 ユーザー</li>").doesNotContain("<html");
        assertThat(mvc.perform(get(part.formatted(event.id())).session(leader).header("HX-Request", "true"))
                .andReturn().getResponse().getContentAsString()).doesNotContain("imported-event");
        assertThat(mvc.perform(get(tenant.manage("/events/" + past.id())).session(leader))
                .andReturn().getResponse().getContentAsString()).contains("/events/" + past.id() + "/imported-roster");
        assertThat(registrations.ofEvent(tenant.id(), past.id()))
                .extracting(e -> e.registration().receptionNumber()).containsExactly(1, 2);
    }

    private String page(Event of, MockHttpSession session) throws Exception {
        return mvc.perform(get(tenant.manage("/events/" + of.id() + "/registrations"))
                .session(session).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
    }

    @Test
    void aLeaderCancelsForSomeoneAndTheWaitlistMovesUpButAViewerCannot() throws Exception {
        long seated = registrations.ofEvent(tenant.id(), event.id()).get(0).registration().id();

        int byViewer = mvc.perform(post(tenant.manage("/registrations/" + seated + "/cancel"))
                .session(signedIn(Role.VIEWER)).with(csrf())).andReturn().getResponse().getStatus();
        mvc.perform(post(tenant.manage("/registrations/" + seated + "/cancel"))
                .session(signedIn(Role.COMMUNITY_LEADER)).with(csrf()));

        assertThat(byViewer).isEqualTo(403);
        assertThat(registrations.ofEvent(tenant.id(), event.id()))
                .extracting(e -> e.registration().status())
                .containsExactly(RegistrationStatus.CANCELLED, RegistrationStatus.CONFIRMED, RegistrationStatus.CONFIRMED);
    }

    @Test
    void anotherOrganizationsStaffSeeNothing() throws Exception {
        TestTenant other = TestTenant.found(context, "other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        int page = mvc.perform(get(other.manage("/events/" + event.id() + "/registrations"))
                .session(outsider)).andReturn().getResponse().getStatus();
        int csv = mvc.perform(get(other.manage("/events/" + event.id() + "/registrations.csv"))
                .session(outsider)).andReturn().getResponse().getStatus();

        assertThat(page).isEqualTo(404);
        assertThat(csv).isEqualTo(404);
    }

    @Test
    void aLeaderWritesToASegmentAndABadMessageComesBackExplained() throws Exception {
        MockHttpSession leader = signedIn(Role.COMMUNITY_LEADER);
        String messages = tenant.manage("/events/" + event.id() + "/messages");

        var refused = mvc.perform(post(messages).session(leader).with(csrf()).header("Accept-Language", "en")
                .param("segment", "CONFIRMED").param("subject", "").param("body", "Doors open at 18:30."))
                .andReturn().getResponse();
        var sent = mvc.perform(post(messages).session(leader).with(csrf()).header("Accept-Language", "en")
                .param("segment", "WAITLISTED").param("subject", "<b>Seats</b>").param("body", "Maybe."))
                .andReturn().getResponse();
        String page = mvc.perform(get(tenant.manage("/events/" + event.id() + "/registrations"))
                .session(leader).header("Accept-Language", "en")).andReturn().getResponse().getContentAsString();

        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("Please fill this in.").contains("Doors open at 18:30.");
        assertThat(sent.getRedirectedUrl()).endsWith("/registrations#messages");
        assertThat(page).contains("&lt;b&gt;Seats&lt;/b&gt;").doesNotContain("<b>Seats</b>")
                .contains("Waitlisted (1)").contains("Confirmed (2)");
    }

    @Test
    void aViewerCanReadButNotWriteToRegistrantsNorChangeReconfirmation() throws Exception {
        MockHttpSession viewer = signedIn(Role.VIEWER);
        String base = tenant.manage("/events/" + event.id());

        int message = mvc.perform(post(base + "/messages").session(viewer).with(csrf())
                .param("segment", "CONFIRMED").param("subject", "Hi").param("body", "Hi")).andReturn().getResponse()
                .getStatus();
        int reconfirmation = mvc.perform(post(base + "/reconfirmation").session(viewer).with(csrf()).param("on", "true"))
                .andReturn().getResponse().getStatus();
        String page = mvc.perform(get(base + "/registrations").session(viewer).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString();

        assertThat(message).isEqualTo(403);
        assertThat(reconfirmation).isEqualTo(403);
        assertThat(page).contains("Reconfirmation is off").doesNotContain("id=\"message-form\"");
    }

    @Test
    void aLeaderTurnsOnReconfirmationAndSeesWhenItRuns() throws Exception {
        MockHttpSession leader = signedIn(Role.COMMUNITY_LEADER);
        String base = tenant.manage("/events/" + event.id());

        mvc.perform(post(base + "/reconfirmation").session(leader).with(csrf()).param("on", "true"));
        String page = mvc.perform(get(base + "/registrations").session(leader).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("参加確認: ").contains("参加確認の依頼をやめる")
                .contains("参加確定の方へ「参加できなくなった」リンク付きのリマインドを送ります");
    }
}
