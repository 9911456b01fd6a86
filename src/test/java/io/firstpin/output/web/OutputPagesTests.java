package io.firstpin.output.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventLifecycle;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organization;
import io.firstpin.output.OutputSubmission;
import io.firstpin.output.Outputs;
import io.firstpin.platform.Hashtag;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.HtmxPage;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
@SpringBootTest(properties = {"firstpin.outputs.nudge-enabled=false"})
@AutoConfigureMockMvc
class OutputPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    Outputs outputs;

    @Autowired
    EventLifecycle lifecycle;

    TestTenant tenant;
    Organization organization;
    Event event;
    String manageToken;

    /** A study session that started an hour ago, with one registrant. */
    @BeforeEach
    void aStudySessionUnderWay() {
        tenant = TestTenant.found(context, "out-pages", "Firstpin UG");
        organization = tenant.organization();
        event = events.plan(tenant.community(), new EventDetails("Firstpin UG #12", null, EventKind.STUDY_SESSION,
                Instant.now().minus(1, ChronoUnit.HOURS), null, null, true, null, Optional.of(new Hashtag("firstpinug"))),
                List.of(), List.of(), "一般枠");
        manageToken = registrations.register(event.id(), null,
                new Applicant("博多 花子", "hanako@example.jp", Locale.JAPANESE)).manageToken();
    }

    private String page(String path, String language) throws Exception {
        return HtmxPage.fetch(mvc, path, language).getContentAsString();
    }

    @Test
    void aRegistrantsReportIsListedOnTheEventPageOnlyOnceStaffApproveIt() throws Exception {
        assertThat(page("/r/" + manageToken, "ja")).contains("レポートを書きました").contains("id=\"report-form\"");

        String redirect = mvc.perform(post("/r/" + manageToken + "/outputs").with(csrf())
                        .param("url", "https://hanako.hatenablog.com/entry/report?utm_source=x").param("type", "blog")
                        .param("title", "<script>alert(1)</script> 参加レポート"))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(redirect).isEqualTo("/r/" + manageToken + "/report");
        assertThat(page("/r/" + manageToken, "ja")).contains("このイベントのあなたのレポート")
                .contains("https://hanako.hatenablog.com/entry/report").contains("運営の承認待ち");
        assertThat(page("/e/" + event.id(), "ja")).doesNotContain("hanako.hatenablog.com");

        MockHttpSession staff = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        String review = mvc.perform(get("/manage/" + organization.slug() + "/reports").session(staff)
                .header("Accept-Language", "ja")).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("承認待ちのレポート").contains("博多 花子").contains("Firstpin UG #12")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; 参加レポート");
        long outputId = outputs.ofEvent(organization.id(), event.id()).get(0).output().id();
        mvc.perform(post("/manage/" + organization.slug() + "/reports/" + event.id() + "/" + outputId + "/approve")
                .session(staff).with(csrf()));

        String publicPage = page("/e/" + event.id(), "ja");
        assertThat(publicPage).contains("ブログ・レポート").contains("博多 花子").contains("hanako.hatenablog.com")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; 参加レポート")
                .doesNotContain("<script>alert(1)</script>")
                .doesNotContain("hanako@example.jp");
        assertThat(page("/r/" + manageToken, "ja")).doesNotContain("運営の承認待ち");
    }

    @Test
    void aBadAddressIsExplainedOnThePrivatePageAndNothingIsAdded() throws Exception {
        var result = mvc.perform(post("/r/" + manageToken + "/outputs").with(csrf()).header("Accept-Language", "en")
                .param("url", "javascript:alert(1)").param("type", "")).andReturn();

        assertThat(result.getFlashMap().get("reportError")).isEqualTo("Please enter a full http:// or https:// address.");
        assertThat(outputs.reports(event.id())).isEmpty();
    }

    @Test
    void withHtmxTheReportFormAnswersInPlace() throws Exception {
        String answered = mvc.perform(post("/r/" + manageToken + "/outputs").with(csrf()).header("HX-Request", "true")
                        .header("Accept-Language", "en").param("url", "https://hanako.example.com/report")
                        .param("type", ""))
                .andReturn().getResponse().getContentAsString();
        String refused = mvc.perform(post("/r/" + manageToken + "/outputs").with(csrf()).header("HX-Request", "true")
                        .header("Accept-Language", "en").param("url", "javascript:alert(1)").param("type", ""))
                .andReturn().getResponse().getContentAsString();

        assertThat(answered).startsWith("<section").contains("id=\"report-submitted\"")
                .contains("https://hanako.example.com/report").doesNotContain("<html");
        assertThat(refused).contains("Please enter a full http:// or https:// address.").doesNotContain("<html");
    }

    @Test
    void theReportsOfAnEventThePublicCannotSeeAreNotFound() throws Exception {
        int shown = mvc.perform(get("/e/" + event.id() + "/reports")).andReturn().getResponse().getStatus();
        lifecycle.hide(organization.id(), event.id());

        assertThat(shown).isEqualTo(200);
        assertThat(mvc.perform(get("/e/" + event.id() + "/reports")).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void theEventPageSaysWhenThereAreNoReportsYet() throws Exception {
        assertThat(page("/e/" + event.id(), "en")).contains("Reports").contains("No reports yet.");
    }

    @Test
    void socialPostsAreNotListedAsReports() throws Exception {
        outputs.submitByStaff(organization.id(), event.id(),
                new OutputSubmission("https://x.com/hanako/status/1234567890", "social", "Tweet", null));

        assertThat(page("/e/" + event.id(), "en")).doesNotContain("x.com/hanako");
    }

    @Test
    void staffSeeHowEachOutputWasLinkedAndUnlinkIt() throws Exception {
        long id = outputs.submitByRegistrant(manageToken, event.id(),
                OutputSubmission.byRegistrant("https://speakerdeck.com/hanako/lt", "slide", "LT slides")).id();
        MockHttpSession staff = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        String path = "/manage/" + organization.slug() + "/events/" + event.id() + "/outputs";

        String list = mvc.perform(get(path).session(staff).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(list).contains("LT slides").contains("Submitted by the author").contains("博多 花子")
                .contains("Waiting for review");

        mvc.perform(post(path + "/" + id + "/unlink").session(staff).with(csrf()));

        String after = mvc.perform(get(path).session(staff).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString();
        assertThat(after).contains("Unlinked by staff").contains("Link again");
        assertThat(outputs.reports(event.id())).isEmpty();

        mvc.perform(post(path + "/" + id + "/relink").session(staff).with(csrf()));

        assertThat(outputs.ofEvent(organization.id(), event.id())).singleElement()
                .satisfies(entry -> assertThat(entry.link().linkedBy().name()).isEqualTo("MANUAL"));
    }
}
