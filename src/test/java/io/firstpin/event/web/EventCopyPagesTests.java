package io.firstpin.event.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.testing.TestTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.EventListings;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Copying an event to a new date from its staff page. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class EventCopyPagesTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    EventListings listings;

    TestTenant tenant;
    Organization organization;
    Community community;
    Event event;

    @BeforeEach
    void aMonthlySession() {
        tenant = TestTenant.found(context, "copy-page", "Kotlin Fest");
        organization = tenant.organization();
        community = tenant.community();
        event = events.plan(community, new EventDetails("Kotlin勉強会", null, EventKind.STUDY_SESSION,
                Instant.parse("2099-03-12T10:00:00Z"), null, null, true, null, Optional.empty()), List.of(), List.of(),
                "一般枠");
    }

    private MvcResult copy(MockHttpSession session, String startsAt) throws Exception {
        return mvc.perform(post("/manage/" + organization.slug() + "/events/" + event.id() + "/copy")
                .param("startsAt", startsAt).session(session).with(csrf()).header("Accept-Language", "ja"))
                .andReturn();
    }

    @Test
    void aLeaderCopiesToANewDateAndLandsOnTheCopysForm() throws Exception {
        MockHttpSession leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        String page = mvc.perform(get("/manage/" + organization.slug() + "/events/" + event.id()).session(leader)
                .header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("別の日程にコピー");

        MvcResult copied = copy(leader, "2099-04-09T19:00");

        assertThat(copied.getResponse().getStatus()).isEqualTo(302);
        List<Event> all = listings.startingBetween(organization.id(), java.util.Set.of(community.id()), null, null);
        assertThat(all).hasSize(2);
        Event copy = all.get(1);
        assertThat(copied.getResponse().getRedirectedUrl()).endsWith("/events/" + copy.id() + "/edit");
        assertThat(copy.startsAt()).isEqualTo(Instant.parse("2099-04-09T10:00:00Z"));
        assertThat(copy.title()).isEqualTo("Kotlin勉強会");
    }

    @Test
    void aLeaderStartsASeriesWithTheEventAndAnotherEventTakesTheNextNumber() throws Exception {
        MockHttpSession leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        String base = "/manage/" + organization.slug() + "/events/";

        MvcResult started = mvc.perform(post(base + event.id() + "/series/new").param("name", "Kotlin勉強会")
                .param("numbering", "Vol.{n}").param("number", "12").session(leader).with(csrf())).andReturn();
        Event second = events.plan(community, new EventDetails("Kotlin勉強会 次回", null, EventKind.STUDY_SESSION,
                Instant.parse("2099-04-09T10:00:00Z"), null, null, true, null, Optional.empty()), List.of(), List.of(),
                "一般枠");
        long seriesId = events.find(event.id()).orElseThrow().seriesId();
        mvc.perform(post(base + second.id() + "/series").param("series", Long.toString(seriesId)).session(leader)
                .with(csrf()));
        MvcResult taken = mvc.perform(post(base + second.id() + "/series").param("series", Long.toString(seriesId))
                .param("number", "12").session(leader).with(csrf()).header("Accept-Language", "ja")).andReturn();
        MvcResult badNumbering = mvc.perform(post(base + second.id() + "/series/new").param("name", "Bad")
                .param("numbering", "Vol.").session(leader).with(csrf()).header("Accept-Language", "ja")).andReturn();

        assertThat(started.getResponse().getRedirectedUrl()).endsWith("/events/" + event.id() + "#series");
        assertThat(events.find(event.id()).orElseThrow().seriesNumber()).isEqualTo(12);
        assertThat(events.find(second.id()).orElseThrow().seriesNumber()).isEqualTo(13);
        assertThat(String.valueOf(taken.getFlashMap().get("seriesRefused"))).contains("Vol.12");
        assertThat(String.valueOf(badNumbering.getFlashMap().get("seriesRefused"))).contains("{n}");
        String page = mvc.perform(get(base + second.id()).session(leader).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Vol.13").contains("このイベントからシリーズを始める");
    }

    @Test
    void anUnreadableDateComesBackExplainedAndViewersCopyNothing() throws Exception {
        MvcResult unreadable = copy(tenant.staff(mvc, Role.COMMUNITY_LEADER), "来月");
        MockHttpSession viewer = tenant.staff(mvc, Role.VIEWER);
        int byViewer = copy(viewer, "2099-04-09T19:00").getResponse().getStatus();

        assertThat(unreadable.getResponse().getStatus()).isEqualTo(302);
        assertThat(String.valueOf(unreadable.getFlashMap().get("copyRefused"))).contains("開始日時");
        assertThat(byViewer).isEqualTo(403);
        assertThat(mvc.perform(post("/manage/" + organization.slug() + "/events/" + event.id() + "/series/new")
                .param("name", "Kotlin勉強会").session(viewer).with(csrf())).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
        assertThat(events.find(event.id()).orElseThrow().seriesId()).isNull();
        assertThat(listings.startingBetween(organization.id(), java.util.Set.of(community.id()), null, null)).hasSize(1);
    }
}
