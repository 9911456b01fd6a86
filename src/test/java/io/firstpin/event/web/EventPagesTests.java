package io.firstpin.event.web;

import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import java.util.Locale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventListings;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Members;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class EventPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    EventListings listings;
    @Autowired
    Members members;
    @Autowired
    Registrations registrations;

    TestTenant tenant;
    MockHttpSession leader;

    @BeforeEach
    void aCommunityWithALeader() {
        tenant = TestTenant.found(context, "events",
                CommunityProfile.of("JAWS-UG 東京", "jawsug", "AWS を学ぶ人のために", "Asia/Tokyo"));
        leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);
    }

    private MockHttpServletRequestBuilder eventForm(String title) {
        return eventForm(title, "2026-12-10T21:00");
    }

    private MockHttpServletRequestBuilder eventForm(String title, String endsAt) {
        return eventForm(title, endsAt, "目黒セントラルスクエア", "JP-13", "品川区");
    }

    private MockHttpServletRequestBuilder eventForm(String title, String endsAt, String venueName, String prefecture,
            String city) {
        return post(tenant.ofCommunity("/events"))
                .session(leader).with(csrf())
                .param("title", title)
                .param("kind", "STUDY_SESSION")
                .param("startsAt", "2026-12-10T19:00")
                .param("endsAt", endsAt)
                .param("venueName", venueName)
                .param("prefecture", prefecture)
                .param("city", city)
                .param("frames[0].name", "一般枠").param("frames[0].capacity", "80").param("frames[0].mode", "FIFO")
                .param("frames[1].name", "LT枠").param("frames[1].capacity", "5").param("frames[1].mode", "FIFO")
                .param("frames[2].name", "").param("frames[2].mode", "FIFO")
                .param("sessions[0].kind", "UPDATE").param("sessions[0].title", "最新アップデート")
                .param("sessions[0].speakers", "AWS 太郎")
                .param("sessions[1].kind", "LIGHTNING_TALK").param("sessions[1].title", "CDK で始める IaC")
                .param("sessions[1].speakers", "山田 花子")
                .param("sessions[1].materials", "スライド https://speakerdeck.com/hanako/cdk");
    }

    @Test
    void aLeaderPlansAnEventWithTwoFramesAndAnAgendaThroughTheForm() throws Exception {
        MvcResult result = mvc.perform(eventForm("JAWS-UG 東京 #50")).andReturn();

        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(tenant.manage("/events/"));
        Event event = events.inOrganization(tenant.id(),
                Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(events.frames(event.id())).extracting(f -> f.name() + ":" + f.capacity())
                .containsExactly("一般枠:80", "LT枠:5");
        assertThat(event.sessions()).hasSize(2);
        assertThat(events.speakerNames(event).values()).containsExactlyInAnyOrder("AWS 太郎", "山田 花子");
        assertThat(event.sessions().get(1).materials().get(0).title()).isEqualTo("スライド");
    }

    @Test
    void aNewEventsPrefectureIsWhereTheCommunityUsuallyMeets() throws Exception {
        String newForm = tenant.ofCommunity("/events/new");
        String before = mvc.perform(get(newForm).session(leader)).andReturn().getResponse().getContentAsString();
        mvc.perform(eventForm("大阪 #1", "2026-12-10T21:00", "梅田", "JP-27", "大阪市")).andReturn();
        mvc.perform(eventForm("大阪 #2", "2026-12-10T21:00", "梅田", "JP-27", "大阪市")).andReturn();
        mvc.perform(eventForm("東京出張", "2026-12-10T21:00", "目黒", "JP-13", "品川区")).andReturn();

        String after = mvc.perform(get(newForm).session(leader)).andReturn().getResponse().getContentAsString();

        assertThat(before).containsPattern("<option value=\"JP-13\" selected=\"selected\"");
        assertThat(after).containsPattern("<option value=\"JP-27\" selected=\"selected\"");
    }

    @Test
    void anEventWithoutAPlaceIsPlannedThroughTheFormAsToBeDecided() throws Exception {
        MvcResult result = mvc.perform(eventForm("会場未定の回", "2026-12-10T21:00", "", "", "")).andReturn();

        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith(tenant.manage("/events/"));
        Event event = events.inOrganization(tenant.id(),
                Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
        assertThat(event.placeUndecided()).isTrue();
        assertThat(mvc.perform(get(location).session(leader).header("Accept-Language", "ja")).andReturn().getResponse()
                .getContentAsString()).contains("会場未定");
    }

    @Test
    void aBadFormKeepsWhatWasTypedExplainsTheProblemAndStoresNothing() throws Exception {
        MvcResult result = mvc.perform(eventForm("壊れたイベント", "2026-12-10T18:00")
                .header("Accept-Language", "ja")).andReturn();

        String html = result.getResponse().getContentAsString();
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(html).contains("終了は開始より後にしてください").contains("壊れたイベント");
        assertThat(listings.search(tenant.id(), "壊れた", List.of(), 0, 10).total()).isZero();
    }

    @Test
    void editingAnEventKeepsItsFrameIdsAndRefusesToDropAFrameBelowItsRegistrations() throws Exception {
        String location = mvc.perform(eventForm("Editable")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        List<Long> frameIds = events.frames(id).stream().map(f -> f.id()).toList();

        MvcResult edited = mvc.perform(post(tenant.manage("/events/" + id))
                .session(leader).with(csrf())
                .param("title", "Edited").param("kind", "STUDY_SESSION").param("startsAt", "2026-12-10T19:00")
                .param("online", "true")
                .param("frames[0].id", frameIds.get(0).toString()).param("frames[0].name", "一般枠")
                .param("frames[0].capacity", "120").param("frames[0].mode", "FIFO")).andReturn();

        assertThat(edited.getResponse().getRedirectedUrl()).endsWith("/events/" + id);
        assertThat(events.frames(id)).singleElement().satisfies(frame -> {
            assertThat(frame.id()).isEqualTo(frameIds.get(0));
            assertThat(frame.capacity()).isEqualTo(120);
        });
        assertThat(events.inOrganization(tenant.id(), id).title()).isEqualTo("Edited");
    }

    @Test
    void theConnpassPageIsKeptShownForEditingAndRefusedWhenItIsNotAnAddress() throws Exception {
        String location = mvc.perform(eventForm("On connpass too")
                .param("connpassUrl", " https://jawsug.connpass.com/event/123456/ ")).andReturn().getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String editPage = mvc.perform(get(tenant.manage("/events/" + id + "/edit")).session(leader))
                .andReturn().getResponse().getContentAsString();
        MvcResult bad = mvc.perform(eventForm("Not an address").param("connpassUrl", "connpass 123456")
                .header("Accept-Language", "en")).andReturn();

        assertThat(events.inOrganization(tenant.id(), id).connpassUrl())
                .isEqualTo("https://jawsug.connpass.com/event/123456/");
        assertThat(editPage).contains("value=\"https://jawsug.connpass.com/event/123456/\"");
        assertThat(bad.getResponse().getRedirectedUrl()).isNull();
        assertThat(bad.getResponse().getContentAsString()).contains("connpass 123456");
        assertThat(listings.search(tenant.id(), "Not an address", List.of(), 0, 10).total()).isZero();
    }

    @Test
    void theEventListSearchAnswersHtmxWithOnlyTheResults() throws Exception {
        mvc.perform(eventForm("Serverless 入門"));
        mvc.perform(eventForm("Kubernetes 実践"));

        MvcResult fragment = mvc.perform(get(tenant.manage("/events")).param("q", "serverless")
                .header("HX-Request", "true").session(leader)).andReturn();

        String html = fragment.getResponse().getContentAsString();
        assertThat(html).contains("Serverless 入門").doesNotContain("Kubernetes 実践").doesNotContain("<html");
    }

    @Test
    void theEventListShowsEachEventsStatusAndSeatsTakenOfItsCapacity() throws Exception {
        String location = mvc.perform(eventForm("JAWS-UG 東京 #51")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        registrations.register(id, "LT枠", new Applicant("山田 花子", "hanako@example.jp", Locale.JAPANESE));
        registrations.register(id, "一般枠", new Applicant("鈴木 一郎", "ichiro@example.jp", Locale.JAPANESE));

        String html = mvc.perform(get(tenant.manage("/events")).session(leader)
                .header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString();

        assertThat(html).contains("申込 / 定員", "状態", "公開中").containsPattern("2 / 85\\s*</span>");
    }

    @Test
    void aSearchWithLikeMetacharactersFindsThoseCharactersLiterally() throws Exception {
        mvc.perform(eventForm("C:\\tools 勉強会"));
        mvc.perform(eventForm("100% サーバーレス"));
        mvc.perform(eventForm("snake_case の会"));
        mvc.perform(eventForm("ふつうの会"));

        MvcResult trailingBackslash = mvc.perform(get(tenant.manage("/events")).param("q", "C:\\")
                .header("HX-Request", "true").session(leader)).andReturn();

        assertThat(trailingBackslash.getResponse().getStatus()).isEqualTo(200);
        assertThat(trailingBackslash.getResponse().getContentAsString()).contains("C:\\tools 勉強会")
                .doesNotContain("ふつうの会");
        assertThat(listings.search(tenant.id(), "\\", List.of(), 0, 10).total()).isEqualTo(1);
        assertThat(listings.search(tenant.id(), "%", List.of(), 0, 10).total()).isEqualTo(1);
        assertThat(listings.search(tenant.id(), "_", List.of(), 0, 10).total()).isEqualTo(1);
        assertThat(listings.search(tenant.id(), "\\t", List.of(), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void theViewerOfAnotherOrganizationSeesNoneOfItsEvents() throws Exception {
        String location = mvc.perform(eventForm("Private plans")).andReturn().getResponse().getRedirectedUrl();
        MockHttpSession outsider = TestTenant.found(context, "outsider", "Outsider")
                .staff(mvc, Role.ORGANIZATION_ADMIN);

        int detail = mvc.perform(get(location).session(outsider)).andReturn().getResponse().getStatus();
        int list = mvc.perform(get(tenant.manage("/events")).session(outsider)).andReturn()
                .getResponse().getStatus();

        assertThat(detail).isEqualTo(404);
        assertThat(list).isEqualTo(404);
    }

    @Test
    void publicPagesShowTheAgendaAndSeatsLeftButNeverAnEmail() throws Exception {
        members.register(tenant.id(), "山田 花子", List.of(new IdentityInput(IdentityKind.EMAIL, "hanako@example.jp")));
        String location = mvc.perform(eventForm("公開イベント")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String communityPage = mvc.perform(get("/c/" + tenant.community().slug()).header("Accept-Language", "ja"))
                .andReturn().getResponse().getContentAsString();
        String eventPage = mvc.perform(get("/e/" + id).header("Accept-Language", "ja")).andReturn()
                .getResponse().getContentAsString();

        assertThat(communityPage).contains("AWS を学ぶ人のために").contains("/e/" + id).contains("公開イベント");
        assertThat(eventPage).contains("最新アップデート").contains("山田 花子").contains("LT枠").contains("東京都")
                .contains("https://speakerdeck.com/hanako/cdk").contains("2026年12月10日");
        assertThat(eventPage).doesNotContain("hanako@example.jp").doesNotContain("@example.");
    }

    @Test
    void userTextIsEscapedOnPublicPages() throws Exception {
        String location = mvc.perform(eventForm("<script>alert('x')</script>")).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String eventPage = mvc.perform(get("/e/" + id)).andReturn().getResponse().getContentAsString();

        assertThat(eventPage).doesNotContain("<script>alert").contains("&lt;script&gt;");
    }

    @Test
    void theDescriptionIsMarkdownWithoutScriptsOrDangerousLinks() throws Exception {
        String location = mvc.perform(eventForm("Markdown の回").param("description", """
                ## 今回のテーマ
                **CDK** を学びます。[資料](https://example.com/slides) と [罠](javascript:alert(1))
                <script>alert('x')</script><img src=x onerror=alert(2)>
                """)).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        String eventPage = mvc.perform(get("/e/" + id)).andReturn().getResponse().getContentAsString();
        // the page's metadata carries the text as written, escaped; the formatted description is its own element
        int start = eventPage.indexOf("id=\"event-description\"");
        String description = eventPage.substring(start, eventPage.indexOf("</section>", start));

        assertThat(description).contains("<h2>今回のテーマ</h2>").contains("<strong>CDK</strong>")
                .contains("<a rel=\"nofollow ugc noopener noreferrer\" href=\"https://example.com/slides\">資料</a>")
                .doesNotContain("javascript:").doesNotContain("<script>alert").doesNotContain("<img")
                .contains("&lt;script&gt;");
    }

    @Test
    void unknownPublicPagesAnswer404WithAFriendlyPage() throws Exception {
        MvcResult event = mvc.perform(get("/e/999999999").header("Accept-Language", "en")).andReturn();
        MvcResult community = mvc.perform(get("/c/no-such-community")).andReturn();
        MvcResult garbage = mvc.perform(get("/e/not-a-number")).andReturn();

        assertThat(event.getResponse().getStatus()).isEqualTo(404);
        assertThat(event.getResponse().getContentAsString()).contains("could not find").doesNotContain("Exception");
        assertThat(community.getResponse().getStatus()).isEqualTo(404);
        assertThat(garbage.getResponse().getStatus()).isEqualTo(400);
    }
}
