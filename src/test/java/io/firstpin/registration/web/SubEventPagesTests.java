package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.event.RegistrationWindow;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.RegistrationStatus;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The study session's form offers its after-party; the after-party's form turns away those not seated. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class SubEventPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;

    private record Evening(Event session, Event party) {
    }

    private Evening evening(int seats, int partySeats) {
        String slug = "sub-pages-" + System.nanoTime();
        var organization = organizations.found(new Slug(slug), "Org");
        Community community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 福岡", "jawsug_fukuoka", null, "Asia/Tokyo"), null);
        Instant starts = Instant.now().plus(30, ChronoUnit.DAYS);
        Event session = events.plan(community, new EventDetails("福岡勉強会", null, EventKind.STUDY_SESSION, starts,
                null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", seats, FrameMode.FIFO, null)), "一般枠");
        Event party = events.plan(community, new EventDetails("懇親会", null, EventKind.AFTER_PARTY,
                starts.plus(3, ChronoUnit.HOURS), null, null, false, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "懇親会枠", partySeats, FrameMode.FIFO, null)), "懇親会枠",
                RegistrationWindow.UNTIL_THE_EVENT_ENDS, session.id());
        return new Evening(session, party);
    }

    private MockHttpServletRequestBuilder registration(Event event, String email, String language) {
        return post("/e/" + event.id() + "/register").with(csrf()).header("Accept-Language", language)
                .param("name", "博多 花子").param("email", email)
                .param("frame", String.valueOf(events.frames(event.id()).get(0).id()));
    }

    private long partyFrame(Evening evening) {
        return events.frames(evening.party().id()).get(0).id();
    }

    private List<RegistrationStatus> partyStatuses(Evening evening) {
        return registrations.ofEvent(evening.party().organizationId(), evening.party().id()).stream()
                .map(entry -> entry.registration().status()).toList();
    }

    @Test
    void theStudySessionsFormOffersTheAfterPartyAndOnePostRegistersForBoth() throws Exception {
        Evening evening = evening(10, 10);

        String form = mvc.perform(get("/e/" + evening.session().id() + "/register").header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        MvcResult posted = mvc.perform(registration(evening.session(), "hanako@example.jp", "ja")
                .param("subEventFrame", String.valueOf(partyFrame(evening)))).andReturn();

        assertThat(form).contains("あわせて申し込む").contains("懇親会 — 懇親会枠");
        assertThat(posted.getResponse().getRedirectedUrl()).startsWith("/r/r_");
        assertThat((String) posted.getFlashMap().get("subEventToken")).startsWith("r_");
        assertThat(partyStatuses(evening)).containsExactly(RegistrationStatus.CONFIRMED);
    }

    @Test
    void aWaitlistedRegistrantIsNotRegisteredForTheAfterPartyAndIsToldWhy() throws Exception {
        Evening evening = evening(1, 10);
        mvc.perform(registration(evening.session(), "first@example.jp", "ja"));

        MvcResult posted = mvc.perform(registration(evening.session(), "second@example.jp", "ja")
                .param("subEventFrame", String.valueOf(partyFrame(evening)))).andReturn();
        String page = mvc.perform(get(posted.getResponse().getRedirectedUrl()).header("Accept-Language", "ja")
                .flashAttrs(posted.getFlashMap())).andReturn().getResponse().getContentAsString();

        assertThat(partyStatuses(evening)).isEmpty();
        assertThat(page).contains("サブイベントには申し込んでいません");
    }

    @Test
    void aFrameOfAnotherEventOfferedAsTheAfterPartyIsRefusedAndNothingIsRegistered() throws Exception {
        Evening evening = evening(10, 10);
        Evening other = evening(10, 10);

        int status = mvc.perform(registration(evening.session(), "hanako@example.jp", "en")
                .param("subEventFrame", String.valueOf(partyFrame(other)))).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(400);
        assertThat(registrations.ofEvent(evening.session().organizationId(), evening.session().id())).isEmpty();
    }

    @Test
    void theAfterPartysFormTurnsAwayWhoeverIsNotSeatedAtTheStudySessionWith409InEitherLanguage() throws Exception {
        Evening evening = evening(10, 10);

        var japanese = mvc.perform(registration(evening.party(), "stranger@example.jp", "ja")).andReturn()
                .getResponse();
        var english = mvc.perform(registration(evening.party(), "stranger@example.jp", "en")).andReturn()
                .getResponse();
        String publicPage = mvc.perform(get("/e/" + evening.party().id()).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();

        assertThat(japanese.getStatus()).isEqualTo(409);
        assertThat(japanese.getContentAsString()).contains("「福岡勉強会」の参加が確定している方のみ");
        assertThat(english.getStatus()).isEqualTo(409);
        assertThat(english.getContentAsString()).contains("Only people with a confirmed seat at &quot;福岡勉強会&quot;");
        assertThat(publicPage).contains("「福岡勉強会」のサブイベントです");
        assertThat(partyStatuses(evening)).isEmpty();
    }
}
