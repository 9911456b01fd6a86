package io.firstpin.insight.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.testing.TestTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.Role;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.organization.Organization;
import io.firstpin.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's leader section, its CSV, and the organization overview. 東京: Vera leads from 2025-01-01, staff
 * member Sam in March 2025; events on 2025-02-10 (Vera, Guest, Fan: self-run) and 2025-03-10 (Fan; with staff), with
 * Fan's LT. Branch 大阪 without leaders: an event on 2025-05-20 (organizers unknown).
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class LeaderDashboardTests {

    private static final String YEAR_2025 = "?from=2025-01-01&to=2025-12-31";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    DSLContext db;

    TestTenant tenant;
    Organization organization;
    Community tokyo;
    Community osaka;
    String dashboard;
    String overview;

    @BeforeEach
    void aCommunityWithALeaderAndABranchWithout() {
        tenant = TestTenant.found(context, "leader-dash", "JAWS-UG 東京");
        organization = tenant.organization();
        tokyo = tenant.community();
        CommunityHistory history = tenant.history();
        osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2025, 1, 1));
        long vera = history.member("Vera");
        long guest = history.member("Guest");
        long fan = history.member("Fan");
        long sam = history.staffMember("Sam");
        history.leader(vera, "2025-01-01", null);
        history.leader(sam, "2025-03-01", "2025-03-31");
        history.eventAt("2025-02-10T19:00", "JP-13", "渋谷区").checkedIn(vera, guest, fan);
        history.eventAt("2025-03-10T19:00", "JP-13", "渋谷区").checkedIn(fan).lightningTalkBy(fan);
        history.eventOf(osaka, "2025-05-20T19:00", "JP-27", "大阪市").confirmed(guest);
        dashboard = "/manage/" + organization.slug() + "/communities/" + tokyo.slug() + "/dashboard";
        overview = "/manage/" + organization.slug() + "/insight";
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return mvc.perform(get(path).session(tenant.staff(mvc, Role.VIEWER))
                .header("Accept-Language", language)).andReturn().getResponse();
    }

    @Test
    void theDashboardShowsTheBenchTheIndexAndTheCandidatesInJapanese() throws Exception {
        String html = fetch(dashboard + YEAR_2025 + "&branches=true", "ja").getContentAsString();
        String candidates = mvc.perform(get(dashboard + "/candidates" + YEAR_2025 + "&branches=true")
                .session(tenant.staff(mvc, Role.VIEWER)).header("Accept-Language", "ja")
                .header("HX-Request", "true")).andReturn().getResponse().getContentAsString();
        String openedOnItsOwn = fetch(dashboard + "/candidates" + YEAR_2025 + "&branches=true", "ja")
                .getContentAsString();

        assertThat(html).contains("リーダーと自走", "ワンオペ", "リーダー不在", "四半期ごとの自走率", "リーダー候補")
                .contains("id=\"tile-active-leaders\">1<", "id=\"tile-self-running\">50", "id=\"tile-unknown-organizers\">1<")
                .contains("<script type=\"application/json\" id=\"self-running-data\">", "/js/self-running.js")
                .contains("hx-get=\"" + dashboard + "/candidates?from=2025-01-01&amp;to=2025-12-31");
        assertThat(candidates).doesNotContain("<html").contains("直近 3 回のうち 2 回参加、通算 2 回参加、LT 1 回");
        assertThat(openedOnItsOwn).as("a part opened without htmx is a whole page, never a bare fragment")
                .contains("<html", "class=\"site-header\"", "直近 3 回のうち 2 回参加、通算 2 回参加、LT 1 回");
    }

    @Test
    void theCandidatesReasonsReadInEnglish() throws Exception {
        String page = fetch(dashboard + YEAR_2025, "en").getContentAsString();
        String html = fetch(dashboard + "/candidates" + YEAR_2025, "en").getContentAsString();

        assertThat(page).contains("Leaders and self-running", "one-person operation", "Leader candidates");
        assertThat(html).contains("attended 2 of the last 2 events, 2 events attended in all, 1 LT",
                "Staff, shown apart");
        assertThat(html.indexOf("Fan")).isLessThan(html.indexOf("attended 1 of the last 2 events"));
    }

    @Test
    void theSelfRunningCsvHasTheQuartersThenTheEvents() throws Exception {
        byte[] csv = fetch(dashboard + "/self-running.csv" + YEAR_2025 + "&branches=true", "en")
                .getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).containsExactly(
                "Quarter,Self-run,With staff,Organizers unknown,Self-running index",
                "2025-Q1,1,1,0,0.5",
                "2025-Q2,0,0,1,",
                "2025-Q3,0,0,0,",
                "2025-Q4,0,0,0,",
                "Period,1,1,1,0.5",
                "",
                "Date,Event,Community,Organized,Organizers",
                "2025-02-10 19:00,JAWS-UG 東京 2025-02-10T19:00,JAWS-UG 東京,self-run,Vera",
                "2025-03-10 19:00,JAWS-UG 東京 2025-03-10T19:00,JAWS-UG 東京,with staff,Vera / Sam",
                "2025-05-20 19:00,JAWS-UG 大阪 2025-05-20T19:00,JAWS-UG 大阪,organizers unknown,");
    }

    @Test
    void theOverviewListsEveryCommunityAndLinksItsDashboard() throws Exception {
        String ja = fetch(overview + YEAR_2025, "ja").getContentAsString();
        String en = fetch(overview + YEAR_2025, "en").getContentAsString();

        assertThat(ja).contains("コミュニティ一覧（指標）", "新規率", "自走率", "ワンオペ", "リーダー不在")
                .contains(dashboard + "?from=2025-01-01&amp;to=2025-12-31&amp;branches=false")
                .contains("<tr id=\"overview-total\">", "組織全体");
        assertThat(en).contains("Communities at a glance", "Newcomer ratio", "Self-running index",
                "Unique participants", "Events this quarter", "The organization");
    }

    @Test
    void aColumnHeaderAsksForTheTableSortedByItAsAnHtmxFragment() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.VIEWER);
        String fragment = mvc.perform(get(overview + YEAR_2025 + "&sort=active-leaders&dir=asc")
                .header("HX-Request", "true").session(session)).andReturn().getResponse().getContentAsString();

        assertThat(fragment).doesNotContain("<html").contains("id=\"overview-table\"", "data-sort=\"active-leaders\"");
        assertThat(fragment.indexOf("JAWS-UG 大阪")).isLessThan(fragment.indexOf("JAWS-UG 東京"));
        assertThat(fragment).contains("sort=active-leaders&amp;dir=desc");
    }

    @Test
    void theOrganizationsNavigationLinksTheOverview() throws Exception {
        String home = fetch("/manage/" + organization.slug(), "en").getContentAsString();

        assertThat(home).contains("href=\"" + overview + "\"", "/communities/" + tokyo.slug() + "/leaders");
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndOtherOrganizationsSeeNothing() throws Exception {
        MockHttpServletResponse anonymous = mvc.perform(get(overview)).andReturn().getResponse();
        TestTenant other = TestTenant.found(context, "leader-dash-other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
        assertThat(mvc.perform(get(overview).session(outsider)).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(dashboard + "/self-running.csv").session(outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(dashboard + "/leaders.csv").session(outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(dashboard + "/candidates").session(outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
    }
}
