package io.firstpin.insight.web;

import static io.firstpin.platform.db.Tables.COMMUNITY_FOLLOW;
import static io.firstpin.platform.db.Tables.MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.Role;
import io.firstpin.insight.Period;
import io.firstpin.insight.PeriodPreset;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.organization.Organization;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard page and its CSV exports, over a history of two events: 東京 on 2025-01-15 (A and B checked in, staff S
 * too, C a no-show) and its branch 大阪 on 2025-02-20 (no check-ins; A and E confirmed).
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class InsightDashboardTests {

    private static final String YEAR_2025 = "?from=2025-01-01&to=2025-12-31&branches=true";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    DSLContext db;

    Organization organization;
    Community tokyo;
    Community osaka;
    MockHttpSession leader;
    TestTenant tenant;
    String dashboard;

    @BeforeEach
    void twoEventsOfACommunityAndItsBranch() {
        tenant = TestTenant.found(context, "dash", "JAWS-UG 東京");
        organization = tenant.organization();
        tokyo = tenant.community();
        leader = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        CommunityHistory history = tenant.history();
        osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2025, 1, 1));
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        long e = history.member("E");
        long staff = history.staffMember("S");
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, b, staff).confirmed(c);
        history.eventOf(osaka, "2025-02-20T19:00", "JP-27", "大阪市").confirmed(a, e);
        dashboard = "/manage/" + organization.slug() + "/communities/" + tokyo.slug() + "/dashboard";
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return mvc.perform(get(path).session(leader)
                .header("Accept-Language", language)).andReturn().getResponse();
    }

    @Test
    void aLeaderSeesTheDashboardInJapanese() throws Exception {
        MockHttpServletResponse page = fetch(dashboard + YEAR_2025, "ja");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString())
                .contains("ダッシュボード", "ユニーク参加者数", "新規率", "初参加月", "申込", "JAWS-UG 大阪")
                .contains("id=\"tile-participants\">3<", "id=\"tile-repeaters\">1<", "id=\"tile-staff\">1<")
                .contains("<script type=\"application/json\" id=\"kpi-data\">")
                .contains("echarts.min.js", "/js/dashboard.js")
                .contains("新規率 100% で、健全な範囲（40〜60%）を上回っています");
    }

    @Test
    void followersAreChartedMonthByMonthAsTheyStoodThen() throws Exception {
        long a = memberNamed("A");
        long b = memberNamed("B");
        long e = memberNamed("E");
        follow(a, tokyo, "2025-02-10T10:00:00Z", "2025-05-03T10:00:00Z");
        follow(b, osaka, "2025-03-15T10:00:00Z", null);
        follow(e, tokyo, "2025-04-01T10:00:00Z", null);
        follow(e, osaka, "2025-04-02T10:00:00Z", null);

        String own = fetch(dashboard + "?from=2025-01-01&to=2025-06-30&branches=false", "en").getContentAsString();
        String withBranches = fetch(dashboard + "?from=2025-01-01&to=2025-06-30&branches=true", "ja")
                .getContentAsString();

        assertThat(own).contains("<script type=\"application/json\" id=\"followers-data\">")
                .contains("\"months\":[\"2025-01\",\"2025-02\",\"2025-03\",\"2025-04\",\"2025-05\",\"2025-06\"]")
                .contains("\"followers\":[0,1,1,2,1,1]", "id=\"chart-followers\"", "Followers");
        assertThat(withBranches).as("E follows both, and counts once")
                .contains("\"followers\":[0,1,2,3,2,2]", "フォロワー数");
    }

    private long memberNamed(String name) {
        return db.select(MEMBER.ID).from(MEMBER).where(MEMBER.ORGANIZATION_ID.eq(organization.id()))
                .and(MEMBER.DISPLAY_NAME.eq(name)).fetchSingle(MEMBER.ID);
    }

    private void follow(long member, Community community, String at, String until) {
        db.insertInto(COMMUNITY_FOLLOW)
                .set(COMMUNITY_FOLLOW.ORGANIZATION_ID, organization.id())
                .set(COMMUNITY_FOLLOW.COMMUNITY_ID, community.id())
                .set(COMMUNITY_FOLLOW.MEMBER_ID, member)
                .set(COMMUNITY_FOLLOW.FOLLOWED_AT, OffsetDateTime.parse(at))
                .set(COMMUNITY_FOLLOW.UNFOLLOWED_AT, until == null ? null : OffsetDateTime.parse(until))
                .execute();
    }

    @Test
    void aLeaderSeesTheDashboardInEnglish() throws Exception {
        String html = fetch(dashboard + YEAR_2025, "en").getContentAsString();

        assertThat(html).contains("Dashboard", "Unique participants", "Newcomer ratio", "registration",
                "100% newcomers, above the healthy 40–60%");
    }

    @Test
    void onlyTheCommunityItselfIsCountedWhenItsBranchesAreLeftOut() throws Exception {
        String html = fetch(dashboard + "?from=2025-01-01&to=2025-12-31&branches=false", "en").getContentAsString();

        assertThat(html).contains("id=\"tile-events\">1<", "id=\"tile-participants\">2<");
    }

    @Test
    void theDashboardOfACommunityWithBranchesOpensWithThem() throws Exception {
        String root = fetch(dashboard + "?from=2025-01-01&to=2025-12-31", "en").getContentAsString();
        String branch = fetch(dashboard + "?from=2025-01-01&to=2025-12-31&branch=" + osaka.slug(), "en")
                .getContentAsString();

        assertThat(root).contains("id=\"tile-events\">2<", "<option value=\"true\" selected=\"selected\"");
        assertThat(branch).as("a branch without branches of its own").contains("id=\"tile-events\">1<",
                "<option value=\"false\" selected=\"selected\"");
    }

    @Test
    void aPresetPicksThePeriodRelativeToTodayInTheCommunitysTimeZone() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        Period lastFiscalYear = PeriodPreset.LAST_FISCAL_YEAR.period(today);

        String html = fetch(dashboard + "?preset=last-fiscal-year&from=2025-01-01&to=2025-01-31", "ja")
                .getContentAsString();

        assertThat(lastFiscalYear.from().getMonthValue()).isEqualTo(4);
        assertThat(html).contains("id=\"from\" value=\"" + lastFiscalYear.from() + "\"",
                "id=\"to\" value=\"" + lastFiscalYear.to() + "\"", "前年度", "今四半期", "直近12か月");
        String button = html.substring(html.indexOf("id=\"preset-last-fiscal-year\""));
        assertThat(button.substring(0, button.indexOf('>'))).contains("aria-pressed=\"true\"", "current");
    }

    @Test
    void eachHeadlineNumberHasThePreviousPeriodsBesideItWithTheChange() throws Exception {
        String html = fetch(dashboard + YEAR_2025, "en").getContentAsString();
        String march = fetch(dashboard + "?from=2025-02-01&to=2025-03-31&branches=true", "ja").getContentAsString();

        // 2024 had no events: everything is new
        assertThat(html).contains("2024-01-02 to 2024-12-31", "id=\"previous-events\">Before: 0 (+2)<",
                "id=\"previous-participants\">Before: 0 (+3)<");
        // 2024-12-04 to 2025-01-31 held the Tokyo event: A, B; February and March the Osaka one: A, E
        assertThat(march).contains("id=\"tile-events\">1<", "id=\"previous-events\">前期間 1（±0）<",
                "id=\"tile-newcomers\">1<", "id=\"previous-newcomers\">前期間 2（−1 (−50%)）<");
    }

    @Test
    void aPeriodOfMoreThanSixtyEventsIsChartedPerMonth() throws Exception {
        CommunityHistory history = tenant.historyOf(osaka);
        long regular = history.member("常連");
        for (int week = 0; week < 31; week++) {
            LocalDate monday = LocalDate.of(2026, 1, 5).plusWeeks(week);
            history.eventOf(osaka, monday + "T19:00", "JP-27", "大阪市").checkedIn(regular);
            history.eventOf(osaka, monday.plusDays(3) + "T19:00", "JP-27", "大阪市").checkedIn(regular);
        }

        String many = fetch(dashboard + "?from=2026-01-01&to=2026-12-31&branch=" + osaka.slug(), "en")
                .getContentAsString();
        String few = fetch(dashboard + YEAR_2025, "en").getContentAsString();

        assertThat(many).contains("id=\"per-month-note\"", "\"perMonth\":true", "\"label\":\"2026-01 (8)\"",
                "\"label\":\"2026-12 (0)\"");
        assertThat(few).doesNotContain("id=\"per-month-note\"").contains("\"perMonth\":false",
                "\"label\":\"2025-01-15 JAWS-UG 東京");
    }

    @Test
    void aChartWithNothingToDrawIsReplacedByTheReasonWhy() throws Exception {
        String empty = fetch(dashboard + "?from=2030-01-01&to=2030-03-31", "en").getContentAsString();
        String full = fetch(dashboard + YEAR_2025, "ja").getContentAsString();

        assertThat(empty).contains("id=\"chart-attendees-empty\"", "id=\"chart-no-show-empty\"",
                "id=\"chart-cohorts-empty\"", "id=\"chart-followers-empty\"",
                "No event of this period has check-ins, so nobody can be told absent.")
                .doesNotContain("id=\"chart-attendees\"", "id=\"chart-no-show\"");
        assertThat(full).contains("id=\"chart-attendees\"", "id=\"chart-no-show\"", "id=\"chart-cohorts\"")
                .doesNotContain("id=\"chart-attendees-empty\"");
    }

    @Test
    void aBranchCanBePickedFromTheTree() throws Exception {
        String html = fetch(dashboard + "?from=2025-01-01&to=2025-12-31&branch=" + osaka.slug(), "en")
                .getContentAsString();

        assertThat(html).contains("Dashboard — JAWS-UG 大阪", "id=\"tile-events\">1<", "id=\"tile-staff\">0<");
    }

    @Test
    void aLongPeriodShowsItsLatestEventsAndNotesOnThePageAndAllOfThemInTheChartsAndTheCsv() throws Exception {
        CommunityHistory history = tenant.historyOf(osaka);
        long regular = history.member("常連");
        for (int week = 0; week < 52; week++) {
            history.eventOf(osaka, LocalDate.of(2026, 1, 5).plusWeeks(week) + "T19:00", "JP-27", "大阪市")
                    .checkedIn(regular);
        }
        String page = dashboard + "?from=2026-01-01&to=2026-12-31&branch=" + osaka.slug();

        String html = fetch(page, "en").getContentAsString();
        String events = html.substring(html.indexOf("<table id=\"kpi-events\">"),
                html.indexOf("</table>", html.indexOf("<table id=\"kpi-events\">")));

        assertThat(events.split("<tr data-event=", -1)).hasSize(51);
        assertThat(html).contains("The latest 50 of 52 events are shown here", "id=\"tile-events\">52<");
        String notes = html.substring(html.indexOf("id=\"newcomer-notes\""), html.indexOf("</section>",
                html.indexOf("id=\"newcomer-notes\"")));
        // 52 events outside the band are summed up in one sentence, not 52 pieces of advice
        assertThat(notes.split("<li>", -1)).hasSize(2);
        assertThat(notes).contains("52 of the 52 study sessions, big and online events fell outside");
        assertThat(fetch(page.replace("/dashboard?", "/dashboard/events.csv?"), "en").getContentAsString().lines())
                .hasSize(53);
    }

    @Test
    void aBadDateIsExplainedAndTheLastTwelveMonthsAreShown() throws Exception {
        MockHttpServletResponse page = fetch(dashboard + "?from=2025-13-01", "en");

        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString()).contains("id=\"period-error\"", "Use a date such as 2026-03-31.");
    }

    @Test
    void aCsvWithABadDateIsRefusedAndACommunityOutsideTheTreeIsNotFound() throws Exception {
        Community elsewhere = communities.start(organization.id(), new Slug("dash-elsewhere-" + System.nanoTime()),
                CommunityProfile.of("別のコミュニティ", null, null, "Asia/Tokyo"), null);

        assertThat(fetch(dashboard + "/events.csv?from=2025-12-31&to=2025-01-01", "en").getStatus()).isEqualTo(400);
        assertThat(fetch(dashboard + "?branch=" + elsewhere.slug(), "en").getStatus()).isEqualTo(404);
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndOtherOrganizationsSeeNothing() throws Exception {
        MockHttpServletResponse anonymous = mvc.perform(get(dashboard)).andReturn().getResponse();
        MockHttpSession otherAdmin = TestTenant.found(context, "dash-other", "Other").staff(mvc,
                Role.ORGANIZATION_ADMIN);
        int outsider = mvc.perform(get(dashboard).session(otherAdmin)).andReturn()
                .getResponse().getStatus();
        int csv = mvc.perform(get(dashboard + "/events.csv").session(otherAdmin))
                .andReturn().getResponse().getStatus();

        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
        assertThat(outsider).isEqualTo(404);
        assertThat(csv).isEqualTo(404);
    }

    @Test
    void theEventsCsvHasAByteOrderMarkAndOneRowPerEvent() throws Exception {
        MockHttpServletResponse response = fetch(dashboard + "/events.csv" + YEAR_2025, "ja");

        byte[] csv = response.getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(response.getHeader("Content-Disposition")).contains(tokyo.slug() + "-events-2025-01-01-2025-12-31.csv");
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).containsExactly(
                "日付,イベント,コミュニティ,集計方法,参加者,新規,新規率,前回からの参加,再参加率,無断欠席率,参加確定,無断欠席,社員,組織で初参加",
                "2025-01-15 19:00,JAWS-UG 東京 2025-01-15T19:00,JAWS-UG 東京,受付,2,2,1.0,,,0.25,4,1,1,2",
                "2025-02-20 19:00,JAWS-UG 大阪 2025-02-20T19:00,JAWS-UG 大阪,申込,2,1,0.5,1,0.5,,2,,0,1");
    }

    @Test
    void theCohortCsvHasOneRowPerFirstEventMonth() throws Exception {
        byte[] csv = fetch(dashboard + "/cohorts.csv" + YEAR_2025, "en").getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).containsExactly(
                "First event,People,1-month return,3-month return,6-month return,12-month return",
                "2025-01,2,0.0,0.5,0.5,0.5",
                "2025-02,1,0.0,0.0,0.0,0.0");
    }

    @Test
    void theCommunityPageLinksItsDashboardAndTheChartLibraryIsServed() throws Exception {
        String events = fetch("/manage/" + organization.slug() + "/communities/" + tokyo.slug() + "/events", "en")
                .getContentAsString();
        int library = mvc.perform(get("/vendor/echarts/echarts.min.js")).andReturn().getResponse().getStatus();
        int script = mvc.perform(get("/js/dashboard.js")).andReturn().getResponse().getStatus();

        assertThat(events).contains("id=\"dashboard\"").contains(dashboard);
        assertThat(library).isEqualTo(200);
        assertThat(script).isEqualTo(200);
    }
}
