package io.firstpin.insight.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.testing.TestTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.Role;
import io.firstpin.insight.LadderHistory;
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
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** The dashboard's ladder section and its two CSV files, on {@link LadderHistory}. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class LadderDashboardTests {

    private static final String YEAR_2025 = "?from=2025-01-01&to=2025-12-31&branches=true";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    DSLContext db;

    TestTenant tenant;
    Organization organization;
    LadderHistory story;
    String dashboard;

    @BeforeEach
    void aCommunityWhoseLadderIsKnown() {
        tenant = TestTenant.found(context, "ladder-dash", "JAWS-UG 東京");
        organization = tenant.organization();
        Community tokyo = tenant.community();
        story = new LadderHistory(db, communities, context, tokyo);
        dashboard = "/manage/" + organization.slug() + "/communities/" + tokyo.slug() + "/dashboard";
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return mvc.perform(get(path).session(tenant.staff(mvc, Role.VIEWER))
                .header("Accept-Language", language)).andReturn().getResponse();
    }

    @Test
    void theDashboardLoadsTheLadderSectionOnceShown() throws Exception {
        String page = fetch(dashboard + YEAR_2025, "ja").getContentAsString();

        assertThat(page).contains("/js/ladder.js",
                "hx-get=\"" + dashboard + "/ladder?from=2025-01-01&amp;to=2025-12-31", "ラダー：参加者から運営者へ");
        assertThat(page).doesNotContain("id=\"ladder-data\"");
    }

    @Test
    void theLadderSectionShowsTheStepsAndTheReadyListsInJapanese() throws Exception {
        String html = fetch(dashboard + "/ladder" + YEAR_2025, "ja").getContentAsString();

        assertThat(html).contains("ラダー：参加者から運営者へ", "2025-12-31 までのすべての記録", "リピーター", "事例紹介登壇者",
                        "次の段階への候補", "まだアウトプットのないリピーター (2)", "運営者ではない事例紹介登壇者 (1)")
                .contains("<script type=\"application/json\" id=\"ladder-data\">",
                        "id=\"csv-ladder\"", dashboard + "/ladder-ready.csv?from=2025-01-01&amp;to=2025-12-31")
                .contains("<td class=\"number members\">5</td>", "<td class=\"number conversion\">80.0%</td>",
                        "<td class=\"number median-days\">90.5</td>")
                .contains("href=\"/manage/" + organization.slug() + "/members/" + story.b + "\">B</a>");
        assertThat(html.indexOf(">B</a>")).isLessThan(html.indexOf(">I</a>"));
    }

    @Test
    void theLadderSectionReadsInEnglish() throws Exception {
        String html = fetch(dashboard + "/ladder" + YEAR_2025, "en").getContentAsString();

        assertThat(html).contains("Ladder: from attendee to organizer", "Output authors", "LT speakers",
                "Ready for the next step", "Repeaters without an output yet (2)",
                "Output authors who have not given an LT (1)", "LT speakers without a case study (1)");
    }

    @Test
    void theLadderCsvHasOneRowPerStep() throws Exception {
        byte[] csv = fetch(dashboard + "/ladder.csv" + YEAR_2025, "en").getContentAsByteArray();

        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList()).containsExactly(
                "Step,Members,Reached in the period,From the step below,Median days from the step below,Staff (apart),"
                        + "Without the step below,Step below only later",
                "Attendees,5,3,,,1,0,0",
                "Repeaters,4,4,0.8,90.5,1,0,0",
                "Output authors,3,3,0.5,1.0,0,1,0",
                "LT speakers,2,2,0.6667,43.5,1,0,0",
                "Case-study speakers,2,2,0.5,123.0,0,1,0",
                "Organizers,1,1,0.5,21.0,1,0,0");
    }

    @Test
    void theReadyCsvListsEveryoneReadyForTheirNextStep() throws Exception {
        MockHttpServletResponse response = fetch(dashboard + "/ladder-ready.csv" + YEAR_2025, "en");
        List<String> lines = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8).substring(1)
                .lines().toList();

        assertThat(response.getHeader("Content-Disposition")).contains("ladder-ready-2025-01-01-2025-12-31.csv");
        assertThat(lines).containsExactly(
                "Ready for,Member number,Member,Events attended,Last active",
                "Output authors," + story.b + ",B,4,2025-09-10",
                "Output authors," + story.i + ",I,2,2025-03-10",
                "LT speakers," + story.h + ",H,0,2025-05-12",
                "Case-study speakers," + story.c + ",C,2,2025-05-10",
                "Organizers," + story.b + ",B,4,2025-09-10");
    }

    @Test
    void aBadPeriodIsRefusedAndOtherOrganizationsSeeNothing() throws Exception {
        TestTenant other = TestTenant.found(context, "ladder-dash-other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);

        assertThat(fetch(dashboard + "/ladder.csv?from=2025-12-31&to=2025-01-01", "en").getStatus()).isEqualTo(400);
        assertThat(fetch(dashboard + "/ladder?from=2025-12-31&to=2025-01-01", "en").getStatus()).isEqualTo(400);
        assertThat(mvc.perform(get(dashboard + "/ladder").session(outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(dashboard + "/ladder.csv").session(outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(dashboard + "/ladder-ready.csv").session(outsider)).andReturn().getResponse()
                .getStatus()).isEqualTo(404);
        assertThat(mvc.perform(get(dashboard).session(outsider)).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }
}
