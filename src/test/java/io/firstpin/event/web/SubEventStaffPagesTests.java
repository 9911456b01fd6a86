package io.firstpin.event.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.EventLifecycle;
import io.firstpin.event.Events;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.event.SubEvents;
import io.firstpin.identity.Role;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Staff add a sub-event (the 懇親会) from its study session's page. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class SubEventStaffPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    SubEvents subEvents;
    @Autowired
    EventLifecycle lifecycle;

    private record Staffed(TestTenant tenant, MockHttpSession session) {

        Community community() {
            return tenant.community();
        }
    }

    private Staffed organizationWithAdmin(String prefix) {
        TestTenant tenant = TestTenant.found(context, prefix, "JAWS-UG 東京");
        return new Staffed(tenant, tenant.staff(mvc, Role.ORGANIZATION_ADMIN));
    }

    private Event studySession(Community community) {
        return events.plan(community, new EventDetails("JAWS-UG 東京 #42", null, EventKind.STUDY_SESSION,
                Instant.parse("2030-06-01T10:00:00Z"), null, null, true, null, Optional.empty()), List.of(), List.of(),
                "一般枠");
    }

    private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder afterPartyForm(Staffed staffed,
            long parent) {
        return post(staffed.tenant().ofCommunity("/events")).session(staffed.session()).with(csrf())
                .header("Accept-Language", "ja")
                .param("title", "懇親会").param("kind", "AFTER_PARTY").param("startsAt", "2030-06-01T21:15")
                .param("prefecture", "").param("parentEvent", String.valueOf(parent))
                .param("frames[0].name", "懇親会枠").param("frames[0].capacity", "20").param("frames[0].mode", "FIFO");
    }

    @Test
    void aLeaderOpensTheAfterPartyFormFromTheStudySessionAndTheAfterPartyIsListedThere() throws Exception {
        Staffed staffed = organizationWithAdmin("sub-staff");
        Event parent = studySession(staffed.community());
        String base = staffed.tenant().manage("/events/" + parent.id());

        String page = mvc.perform(get(base).session(staffed.session()).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        String form = mvc.perform(get(base + "/sub-events/new").session(staffed.session())
                .header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString();
        MvcResult created = mvc.perform(afterPartyForm(staffed, parent.id())).andReturn();
        String after = mvc.perform(get(base).session(staffed.session()).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("サブイベント（懇親会）を追加");
        assertThat(form).contains("value=\"懇親会\"").contains("value=\"懇親会枠\"")
                .contains("name=\"parentEvent\" value=\"" + parent.id() + "\"")
                .contains("「JAWS-UG 東京 #42」のサブイベントです");
        assertThat(created.getResponse().getRedirectedUrl()).startsWith("/manage/");
        assertThat(subEvents.of(parent.id())).extracting(Event::title).containsExactly("懇親会");
        assertThat(after).contains("懇親会");
    }

    @Test
    void anotherOrganizationsEventIsNeitherOpenedForASubEventNorTakenAsAParent() throws Exception {
        Staffed owner = organizationWithAdmin("sub-owner");
        Staffed outsider = organizationWithAdmin("sub-outsider");
        Event parent = studySession(owner.community());

        int opened = mvc.perform(get(owner.tenant().manage("/events/" + parent.id() + "/sub-events/new"))
                .session(outsider.session())).andReturn().getResponse().getStatus();
        int ownSlugOtherEvent = mvc.perform(get(outsider.tenant().manage("/events/" + parent.id() + "/sub-events/new"))
                .session(outsider.session())).andReturn().getResponse().getStatus();
        var posted = mvc.perform(afterPartyForm(outsider, parent.id())).andReturn().getResponse();

        assertThat(opened).isEqualTo(404);
        assertThat(ownSlugOtherEvent).isEqualTo(404);
        assertThat(posted.getStatus()).isEqualTo(200);
        assertThat(posted.getContentAsString()).contains("サブイベントの親にするイベント").doesNotContain("JAWS-UG 東京 #42");
        assertThat(subEvents.of(parent.id())).isEmpty();
    }

    @Test
    void deletingAnEventWithASubEventIsRefusedOnItsPageNamingTheSubEventInJapaneseAndEnglish() throws Exception {
        Staffed staffed = organizationWithAdmin("sub-delete");
        Event parent = studySession(staffed.community());
        Event party = events.plan(staffed.community(), afterParty("懇親会"), List.of(), List.of(), "懇親会枠",
                RegistrationWindow.UNTIL_THE_EVENT_ENDS, parent.id());
        String delete = staffed.tenant().manage("/events/" + parent.id() + "/delete");

        MvcResult japanese = mvc.perform(post(delete).session(staffed.session()).with(csrf())
                .header("Accept-Language", "ja").param("confirm", "true")).andReturn();
        MvcResult english = mvc.perform(post(delete).session(staffed.session()).with(csrf())
                .header("Accept-Language", "en").param("confirm", "true")).andReturn();

        assertThat(japanese.getResponse().getRedirectedUrl())
                .isEqualTo(staffed.tenant().manage("/events/" + parent.id() + "#lifecycle"));
        assertThat(japanese.getFlashMap().get("lifecycleRefused")).asString()
                .contains("サブイベント (懇親会) があるため削除できません");
        assertThat(english.getFlashMap().get("lifecycleRefused")).asString()
                .contains("This event has sub-events (懇親会)");
        assertThat(events.find(parent.id())).isPresent();
        assertThat(subEvents.of(parent.id())).extracting(Event::id).containsExactly(party.id());
    }

    @Test
    void publicPagesNameNeitherADraftSubEventNorAHiddenParent() throws Exception {
        Staffed staffed = organizationWithAdmin("sub-public");
        Event parent = studySession(staffed.community());
        events.plan(staffed.community(), afterParty("懇親会"), List.of(), List.of(), "懇親会枠",
                RegistrationWindow.UNTIL_THE_EVENT_ENDS, parent.id());
        Event draft = events.planDraft(staffed.community(), afterParty("二次会の下書き"), List.of(), List.of(), "二次会枠",
                RegistrationWindow.UNTIL_THE_EVENT_ENDS, parent.id());

        String parentPage = publicPage(parent);
        lifecycle.hide(staffed.tenant().id(), parent.id());
        String partyPage = publicPage(subEvents.of(parent.id()).get(0));

        assertThat(parentPage).contains("懇親会").doesNotContain("二次会の下書き");
        assertThat(mvc.perform(get("/e/" + draft.id())).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(partyPage).doesNotContain("JAWS-UG 東京 #42");
    }

    private static EventDetails afterParty(String title) {
        return new EventDetails(title, null, EventKind.AFTER_PARTY, Instant.parse("2030-06-01T12:15:00Z"), null, null,
                false, null, Optional.empty());
    }

    private String publicPage(Event event) throws Exception {
        return mvc.perform(get("/e/" + event.id()).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
    }
}
