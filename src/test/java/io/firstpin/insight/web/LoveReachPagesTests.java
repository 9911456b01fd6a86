package io.firstpin.insight.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.identity.Role;
import io.firstpin.testing.TestTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.member.AudienceInput;
import io.firstpin.member.AudienceSource;
import io.firstpin.member.Audiences;
import io.firstpin.organization.Organization;
import io.firstpin.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The love-and-reach page and its CSV. 2025: "=Fan" came twice and gave an LT (reach 40), Star came once (reach
 * 9,000), Shy once without a known audience, staff member Sam twice (reach 500).
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class LoveReachPagesTests {

    private static final String YEAR_2025 = "?from=2025-01-01&to=2025-12-31";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    Audiences audiences;
    @Autowired
    DSLContext db;

    TestTenant tenant;
    Organization organization;
    String page;
    long fan;

    @BeforeEach
    void aYearWithAFanAndAStar() {
        tenant = TestTenant.found(context, "love-page", "JAWS-UG 東京");
        organization = tenant.organization();
        Community tokyo = tenant.community();
        CommunityHistory history = tenant.history();
        fan = history.member("=Fan");
        long star = history.member("Star");
        long shy = history.member("Shy");
        long sam = history.staffMember("Sam");
        history.eventAt("2025-04-10T19:00", "JP-13", "渋谷区").checkedIn(fan, sam, shy);
        history.eventAt("2025-08-10T19:00", "JP-13", "渋谷区").checkedIn(fan, star, sam).lightningTalkBy(fan);
        reach(fan, "40");
        reach(star, "9000");
        reach(sam, "500");
        page = "/manage/" + tenant.slug() + "/communities/" + tokyo.slug() + "/dashboard/members";
    }

    private void reach(long member, String size) {
        audiences.record(organization.id(), member, List.of(new AudienceInput("x", size, "2025-03-01")),
                AudienceSource.STAFF);
    }

    private MockHttpServletResponse fetch(TestTenant as, String path, String language) throws Exception {
        return mvc.perform(get(path).session(as.staff(mvc, Role.VIEWER)).header("Accept-Language", language)).andReturn()
                .getResponse();
    }

    private MockHttpServletResponse fetchAsHtmx(TestTenant as, String path, String language) throws Exception {
        return mvc.perform(get(path).session(as.staff(mvc, Role.VIEWER)).header("Accept-Language", language)
                .header("HX-Request", "true")).andReturn().getResponse();
    }

    @Test
    void thePageDrawsTheQuadrantAndListsEachQuadrantWithUnknownReachAndStaffApart() throws Exception {
        String en = fetch(tenant, page + YEAR_2025, "en").getContentAsString();
        String ja = fetch(tenant, page + YEAR_2025, "ja").getContentAsString();

        assertThat(en).contains("<script type=\"application/json\" id=\"love-reach-data\">", "/js/love-reach.js",
                "id=\"chart-love-reach\"", "Fans (1)", "Influencers (1)", "Reach unknown (1)", "Staff, shown apart",
                "the median of the members on the chart");
        assertThat(en.substring(en.indexOf("id=\"quadrant-fan\""))).contains("=Fan");
        assertThat(en.substring(en.indexOf("id=\"unknown-reach\""))).contains("Shy");
        assertThat(en.substring(en.indexOf("id=\"staff-apart\""))).contains("Sam");
        assertThat(ja).contains("熱量と影響力", "ファン (1)", "インフルエンサー (1)");
    }

    @Test
    void theCsvListsEveryMemberWithLoveReachAndPlaceInSafeCells() throws Exception {
        MockHttpServletResponse csv = fetch(tenant, page + "/members.csv" + YEAR_2025, "en");
        String text = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8);

        assertThat(csv.getHeader("Content-Disposition")).contains("love-reach-2025-01-01-2025-12-31.csv");
        assertThat(text).startsWith("\uFEFFMember number,Member,Staff,Love,Reach,Quadrant")
                .contains(",'=Fan,false,", ",40,Fans").contains(",9000,Influencers")
                .contains(",Shy,false,").contains("Reach unknown").contains(",Sam,true,").contains(",500,Staff");
    }

    @Test
    void anotherOrganizationGets404() throws Exception {
        TestTenant other = TestTenant.found(context, "love-other", "Other");
        String theirs = page.replace(tenant.manage("/"), other.manage("/"));

        assertThat(fetch(other, theirs, "en").getStatus()).isEqualTo(404);
        assertThat(fetch(other, theirs + "/members.csv", "en").getStatus()).isEqualTo(404);
    }

    @Test
    void theDashboardLinksToThePage() throws Exception {
        String dashboard = fetch(tenant, page.replace("/members", "") + YEAR_2025, "en").getContentAsString();

        assertThat(dashboard).contains("id=\"love-reach-link\"", page + "?from=2025-01-01");
    }

    @Test
    void theMemberPageLoadsTheMembersPlaceInEachCommunityAfterItIsShown() throws Exception {
        String memberPage = "/manage/" + organization.slug() + "/members/" + fan;

        String detail = fetch(tenant, memberPage, "en").getContentAsString();
        String part = fetchAsHtmx(tenant, memberPage + "/love-reach", "ja").getContentAsString();
        String opened = fetch(tenant, memberPage + "/love-reach", "ja").getContentAsString();

        assertThat(detail).contains("hx-get=\"" + memberPage + "/love-reach\"", "Love and reach")
                .doesNotContain("id=\"member-love-reach\"");
        assertThat(part).contains("熱量と影響力", "id=\"member-love-reach\"", "JAWS-UG 東京").doesNotContain("<html");
        // followed as a link, the part is a page of the site, not a bare fragment
        assertThat(opened).contains("<html", "class=\"site-header\"", "id=\"member-love-reach\"");
        TestTenant other = TestTenant.found(context, "love-member-other", "Other");
        assertThat(fetch(other, "/manage/" + other.slug() + "/members/" + fan + "/love-reach", "en").getStatus())
                .isEqualTo(404);
        assertThat(fetch(other, memberPage + "/love-reach", "en").getStatus()).isEqualTo(404);
    }
}
