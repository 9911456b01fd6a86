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
import io.firstpin.event.Session;
import io.firstpin.identity.Role;
import io.firstpin.registration.Question;
import io.firstpin.registration.Questionnaires;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The LT frame's own question on the staff and public pages, and its answers added to the agenda from the list. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class FrameQuestionPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    Questionnaires questionnaires;

    TestTenant tenant;
    Event event;
    Frame lightningTalks;
    MockHttpSession leader;

    @BeforeEach
    void anEventWithAnLtFrame() {
        tenant = TestTenant.found(context, "frame-pages", "JAWS-UG 福岡");
        event = events.plan(tenant.community(), new EventDetails("福岡勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(10, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 10, FrameMode.FIFO, null),
                        new FramePlan(null, "LT枠", 3, FrameMode.FIFO, null)), "一般枠");
        lightningTalks = events.frames(event.id()).get(1);
        leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);
    }

    private String registrationsPage(String language) throws Exception {
        return mvc.perform(get(tenant.manage("/events/" + event.id() + "/registrations"))
                .session(leader).header("Accept-Language", language)).andReturn().getResponse().getContentAsString();
    }

    @Test
    void theLtFrameAsksTheTalkTitleAndItsAnswersBecomeTheAgenda() throws Exception {
        mvc.perform(post(tenant.manage("/events/" + event.id() + "/questions"))
                .session(leader).with(csrf())
                .param("label", "発表タイトル").param("kind", "TEXT").param("required", "true")
                .param("frame", String.valueOf(lightningTalks.id())).param("feedsAgenda", "true"));
        Question talkTitle = questionnaires.of(event.id()).get(0);
        assertThat(talkTitle.frameId()).isEqualTo(lightningTalks.id());
        assertThat(talkTitle.feedsAgenda()).isTrue();

        String form = mvc.perform(get("/e/" + event.id() + "/register").header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        assertThat(form).contains("(LT枠のみ)");
        MvcResult general = mvc.perform(post("/e/" + event.id() + "/register").with(csrf())
                .header("Accept-Language", "ja")
                .param("name", "一般 さん").param("email", "general@example.com")
                .param("frame", String.valueOf(events.frames(event.id()).get(0).id()))
                .param(talkTitle.field(), "")).andReturn();
        assertThat(general.getResponse().getRedirectedUrl()).as("not asked of the general frame").startsWith("/r/");
        MvcResult speaker = mvc.perform(post("/e/" + event.id() + "/register").with(csrf())
                .header("Accept-Language", "ja")
                .param("name", "登壇 さん").param("email", "speaker@example.com")
                .param("frame", String.valueOf(lightningTalks.id()))
                .param(talkTitle.field(), "Bedrock で作る社内 Bot")).andReturn();
        assertThat(speaker.getResponse().getRedirectedUrl()).startsWith("/r/");

        assertThat(registrationsPage("ja")).contains("アジェンダ案").contains("Bedrock で作る社内 Bot");
        assertThat(registrationsPage("en")).contains("Agenda draft").contains("Add to the agenda");
        MvcResult added = mvc.perform(post(tenant.manage("/events/" + event.id())
                + "/agenda-draft").session(leader).with(csrf())).andReturn();

        assertThat(added.getFlashMap().get("talksAdded")).isEqualTo(1);
        assertThat(events.inOrganization(tenant.id(), event.id()).sessions()).extracting(Session::title)
                .containsExactly("Bedrock で作る社内 Bot");
    }
}
