package io.firstpin.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.event.Event;
import io.firstpin.event.EventStatus;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Staff move an event through its lifecycle from its page, in Japanese and English. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class EventLifecyclePagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;

    TestTenant tenant;
    MockHttpSession leader;
    MockHttpSession viewer;

    @BeforeEach
    void aCommunityWithALeaderAndAViewer() {
        tenant = TestTenant.found(context, "life", "JAWS-UG 東京");
        leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        viewer = tenant.staff(mvc, Role.VIEWER);
    }

    private Event saveDraft(String title) throws Exception {
        MvcResult result = mvc.perform(post(tenant.ofCommunity("/events")).session(leader).with(csrf())
                .param("title", title).param("kind", "STUDY_SESSION")
                .param("startsAt", "2031-12-10T19:00").param("endsAt", "2031-12-10T21:00")
                .param("prefecture", "JP-13")
                .param("frames[0].name", "一般枠").param("frames[0].capacity", "80").param("frames[0].mode", "FIFO")
                .param("sessions[0].kind", "UPDATE").param("sessions[0].title", "最新アップデート")
                .param("sessions[0].startsAt", "19:10")
                .param("draft", "true")).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).as(result.getResponse().getContentAsString()).isNotNull();
        return events.inOrganization(tenant.id(), Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    private String page(Event event, String lang) throws Exception {
        return mvc.perform(get(tenant.manage("/events/" + event.id())).param("lang", lang)
                .session(leader)).andReturn().getResponse().getContentAsString();
    }

    private MvcResult act(Event event, String transition, MockHttpSession who, String... params) throws Exception {
        var request = post(tenant.manage("/events/" + event.id()) + "/" + transition)
                .session(who).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    private EventStatus statusOf(Event event) {
        return events.inOrganization(tenant.id(), event.id()).status();
    }

    @Test
    void aLeaderSavesADraftThenPublishesItFromItsPage() throws Exception {
        Event draft = saveDraft("下書きの勉強会");

        assertThat(draft.status()).isEqualTo(EventStatus.DRAFT);
        assertThat(draft.sessions().get(0).startsAt()).hasToString("2031-12-10T10:10:00Z");
        assertThat(page(draft, "ja")).contains("下書き").contains("公開する");
        assertThat(page(draft, "en")).contains("Draft").contains("Publish");
        assertThat(mvc.perform(get("/e/" + draft.id())).andReturn().getResponse().getStatus()).isEqualTo(404);

        act(draft, "publish", leader);

        assertThat(statusOf(draft)).isEqualTo(EventStatus.PUBLISHED);
        assertThat(page(draft, "ja")).contains("公開中").contains("中止する").contains("延期する");
        assertThat(mvc.perform(get("/e/" + draft.id())).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    @Test
    void cancellingAsksForConfirmationAndAViewerCannot() throws Exception {
        Event event = saveDraft("中止する勉強会");
        act(event, "publish", leader);

        MvcResult unconfirmed = act(event, "cancel", leader);
        assertThat(unconfirmed.getFlashMap().get("lifecycleRefused")).isEqualTo("確認のチェックを入れてください。");
        assertThat(statusOf(event)).isEqualTo(EventStatus.PUBLISHED);
        assertThat(act(event, "cancel", viewer, "confirm", "true").getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post(tenant.manage("/events/" + event.id() + "/cancel"))
                .session(leader).param("confirm", "true")).andReturn().getResponse().getStatus())
                .as("without the CSRF token").isEqualTo(403);
        assertThat(statusOf(event)).isEqualTo(EventStatus.PUBLISHED);

        act(event, "cancel", leader, "confirm", "true");

        assertThat(statusOf(event)).isEqualTo(EventStatus.CANCELLED);
        assertThat(page(event, "ja")).contains("中止");
        MvcResult twice = act(event, "cancel", leader, "confirm", "true");
        assertThat(twice.getFlashMap().get("lifecycleRefused")).isEqualTo("このイベントはすでに中止になっています。");
    }

    @Test
    void aLeaderHidesPostponesAndDeletesFromThePage() throws Exception {
        Event hidden = saveDraft("隠す勉強会");
        act(hidden, "publish", leader);
        act(hidden, "hide", leader);
        assertThat(statusOf(hidden)).isEqualTo(EventStatus.HIDDEN);
        assertThat(page(hidden, "en")).contains("Hidden").contains("Show again");

        Event postponed = saveDraft("延期する勉強会");
        act(postponed, "publish", leader);
        act(postponed, "postpone", leader, "startsAt", "2032-01-14T19:00");
        Event moved = events.inOrganization(tenant.id(), postponed.id());
        assertThat(moved.status()).isEqualTo(EventStatus.POSTPONED);
        assertThat(moved.startsAt()).hasToString("2032-01-14T10:00:00Z");
        assertThat(moved.endsAt()).hasToString("2032-01-14T12:00:00Z");

        Event deleted = saveDraft("消す下書き");
        MvcResult gone = act(deleted, "delete", leader, "confirm", "true");
        assertThat(gone.getResponse().getRedirectedUrl())
                .isEqualTo(tenant.ofCommunity("/events"));
        assertThat(events.find(deleted.id())).isEmpty();
    }
}
