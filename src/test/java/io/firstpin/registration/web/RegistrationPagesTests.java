package io.firstpin.registration.web;

import static io.firstpin.platform.db.Tables.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.registration.Question;
import io.firstpin.registration.QuestionKind;
import io.firstpin.registration.Questionnaires;
import io.firstpin.testing.DatabaseTest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class RegistrationPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Questionnaires questionnaires;
    @Autowired
    DSLContext db;

    /** A study session next month with one frame of the given capacity. */
    private Event studySessionWithSeats(int seats, Instant startsAt) {
        String slug = "pages-" + System.nanoTime();
        var organization = organizations.found(new Slug(slug), "Org");
        var community = communities.start(organization.id(), new Slug(slug + "-c"),
                CommunityProfile.of("JAWS-UG 福岡", "jawsug_fukuoka", null, "Asia/Tokyo"), null);
        return events.plan(community, new EventDetails("福岡勉強会", null, EventKind.STUDY_SESSION, startsAt, null, null,
                true, null, Optional.empty()), List.of(), List.of(new FramePlan(null, "一般枠", seats, FrameMode.FIFO, null)),
                "一般枠");
    }

    private Event nextMonth(int seats) {
        return studySessionWithSeats(seats, Instant.now().plus(30, ChronoUnit.DAYS));
    }

    private MockHttpServletRequestBuilder registration(Event event, String name, String email) {
        return post("/e/" + event.id() + "/register").with(csrf()).header("Accept-Language", "ja")
                .param("name", name).param("email", email)
                .param("frame", String.valueOf(events.frames(event.id()).get(0).id()));
    }

    @Test
    void aVisitorRegistersAndLandsOnTheirPrivateManagePage() throws Exception {
        Event event = nextMonth(10);

        MvcResult registered = mvc.perform(registration(event, "博多 花子", "hanako@example.jp")).andReturn();
        String manageUrl = registered.getResponse().getRedirectedUrl();
        String page = mvc.perform(get(manageUrl).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();

        assertThat(manageUrl).startsWith("/r/r_");
        assertThat(page).contains("博多 花子").contains("参加確定").contains("一般枠").doesNotContain("hanako@example.jp");
    }

    @Test
    void thePrivatePageNeverSendsItsAddressOnAndNoPageLoadsPicturesOrPostsFormsElsewhere() throws Exception {
        Event event = nextMonth(10);
        String manageUrl = mvc.perform(registration(event, "博多 次郎", "jiro@example.jp")).andReturn().getResponse()
                .getRedirectedUrl();

        MvcResult privatePage = mvc.perform(get(manageUrl)).andReturn();
        MvcResult publicPage = mvc.perform(get("/e/" + event.id())).andReturn();

        assertThat(privatePage.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(publicPage.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        for (MvcResult page : List.of(privatePage, publicPage)) {
            String policy = page.getResponse().getHeader("Content-Security-Policy");
            assertThat(policy).contains("form-action 'self'").contains("img-src 'self' data:;")
                    .doesNotContain("https:");
        }
    }

    @Test
    void aPrivateLinkOpensNothingOnceItsEventEndedLongAgoAndSaysSoInsteadOfFailing() throws Exception {
        Event event = nextMonth(10);
        String manageUrl = mvc.perform(registration(event, "昔の 参加者", "old@example.jp")).andReturn().getResponse()
                .getRedirectedUrl();
        Instant longAgo = Instant.now().minus(120, ChronoUnit.DAYS);
        db.update(EVENT).set(EVENT.STARTS_AT, longAgo.atOffset(ZoneOffset.UTC))
                .set(EVENT.ENDS_AT, longAgo.plus(2, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC))
                .where(EVENT.ID.eq(event.id())).execute();

        MvcResult page = mvc.perform(get(manageUrl).header("Accept-Language", "en")).andReturn();
        MvcResult cancel = mvc.perform(post(manageUrl + "/cancel").with(csrf()).param("confirm", "true")).andReturn();

        assertThat(page.getResponse().getStatus()).isEqualTo(410);
        assertThat(page.getResponse().getContentAsString()).contains("This link has expired")
                .doesNotContain("昔の 参加者").doesNotContain("Exception");
        assertThat(cancel.getResponse().getStatus()).isEqualTo(410);
    }

    @Test
    void aFullFrameShowsTheWaitlistPositionAndCancellingPromotesTheNext() throws Exception {
        Event event = nextMonth(1);
        String first = mvc.perform(registration(event, "A", "a@example.com")).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(registration(event, "B", "b@example.com")).andReturn().getResponse().getRedirectedUrl();

        assertThat(mvc.perform(get(second).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString()).contains("#1 on the waitlist");

        mvc.perform(post(first + "/cancel").with(csrf()).param("confirm", "true"));

        assertThat(mvc.perform(get(first).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString()).contains("Cancelled").doesNotContain("id=\"cancel\"");
        assertThat(mvc.perform(get(second).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString()).contains("Confirmed");
    }

    @Test
    void badInputIsExplainedNextToTheFieldAndNothingIsRegistered() throws Exception {
        Event event = nextMonth(10);

        MvcResult result = mvc.perform(registration(event, "<b>名前</b>", "not-an-email")).andReturn();

        String html = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(html).contains("正しいメールアドレスを入力してください").contains("&lt;b&gt;名前&lt;/b&gt;");
        assertThat(events.occupancy(event.id())).isEmpty();
    }

    @Test
    void registeringTwiceWithTheSameEmailIsExplained() throws Exception {
        Event event = nextMonth(10);
        mvc.perform(registration(event, "A", "same@example.com"));

        String html = mvc.perform(registration(event, "A again", "same@example.com")).andReturn().getResponse()
                .getContentAsString();

        assertThat(html).contains("既にこのイベントに申し込まれています");
    }

    @Test
    void aPastEventTakesNoRegistrations() throws Exception {
        Event past = studySessionWithSeats(10, Instant.parse("2020-01-01T10:00:00Z"));

        String form = mvc.perform(get("/e/" + past.id() + "/register").header("Accept-Language", "en")).andReturn()
                .getResponse().getContentAsString();
        String posted = mvc.perform(registration(past, "Late", "late@example.com")).andReturn().getResponse()
                .getContentAsString();

        assertThat(form).contains("does not take registrations").doesNotContain("id=\"registration-form\"");
        assertThat(posted).contains("現在申込を受け付けていません");
    }

    @Test
    void anUnknownManageLinkIsNotFound() throws Exception {
        assertThat(mvc.perform(get("/r/r_not-a-real-token")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/r/r_not-a-real-token/cancel").with(csrf()).param("confirm", "true")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theCantComeLinkOffersOneButtonAndOnlyThePressFreesTheSeat() throws Exception {
        Event event = nextMonth(1);
        String seated = mvc.perform(registration(event, "A", "seat-a@example.com")).andReturn().getResponse()
                .getRedirectedUrl();
        String waiting = mvc.perform(registration(event, "B", "seat-b@example.com")).andReturn().getResponse()
                .getRedirectedUrl();

        String page = mvc.perform(get(seated + "/cant-come").header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        String afterLooking = mvc.perform(get(waiting).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();
        mvc.perform(post(seated + "/cancel").with(csrf()).param("confirm", "true"));
        String afterPressing = mvc.perform(get(waiting).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("参加できないので席を譲る").contains("id=\"cant-come\"");
        assertThat(afterLooking).contains("補欠 1 番目");
        assertThat(afterPressing).contains("参加確定").doesNotContain("補欠 1 番目");
    }

    @Test
    void onlyAConfirmedRegistrationCanBeReconfirmed() throws Exception {
        Event event = nextMonth(1);
        mvc.perform(registration(event, "A", "re-a@example.com"));
        String waiting = mvc.perform(registration(event, "B", "re-b@example.com")).andReturn().getResponse()
                .getRedirectedUrl();

        var refused = mvc.perform(post(waiting + "/reconfirm").with(csrf()).header("Accept-Language", "en"))
                .andReturn().getResponse();

        assertThat(refused.getStatus()).isEqualTo(409);
        assertThat(refused.getContentAsString()).contains("Only a confirmed registration can be reconfirmed.")
                .doesNotContain("Exception");
    }

    @Test
    void theFormAsksTheEventsQuestionsAndABadAnswerIsExplainedUnderItsQuestion() throws Exception {
        Event event = nextMonth(10);
        Question afterParty = questionnaires.ask(event.organizationId(), event.id(), QuestionKind.YES_NO,
                "懇親会に参加しますか?", null, true);
        Question comment = questionnaires.ask(event.organizationId(), event.id(), QuestionKind.TEXT,
                "ひとこと", null, false);

        String form = mvc.perform(get("/e/" + event.id() + "/register").header("Accept-Language", "ja")).andReturn()
                .getResponse().getContentAsString();
        var refused = mvc.perform(registration(event, "A", "qa@example.com")
                .param("answers[" + comment.id() + "]", "<i>楽しみ</i>")).andReturn().getResponse();
        String registered = mvc.perform(registration(event, "A", "qa@example.com")
                .param("answers[" + afterParty.id() + "]", "yes")).andReturn().getResponse().getRedirectedUrl();
        String manage = mvc.perform(get(registered).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString();

        assertThat(form).contains("懇親会に参加しますか?").contains("name=\"answers[" + afterParty.id() + "]\"");
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("入力してください").contains("&lt;i&gt;楽しみ&lt;/i&gt;");
        assertThat(registered).startsWith("/r/r_");
        assertThat(manage).contains("id=\"answers-form\"").containsPattern("value=\"yes\"[^>]*checked");
    }
}
