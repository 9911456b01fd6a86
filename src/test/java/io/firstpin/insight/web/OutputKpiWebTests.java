package io.firstpin.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.attendee.Attendees;
import io.firstpin.identity.Role;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.CommunityHistory.Held;
import io.firstpin.testing.ApiClient;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The output KPIs as the API, the dashboard and its CSV show them, over one study session on 2025-01-15 19:00 JST:
 * A and B checked in, staff S too, C confirmed but absent. Linked to it: A's blog post (day 0) and slides (day 1), S's
 * and C's posts (day 1), and a media article (day 2).
 */
@DatabaseTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class OutputKpiWebTests {

    private static final String YEAR_2025 = "?from=2025-01-01&to=2025-12-31";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    TestTenant tenant;
    ApiClient admin;
    long eventId;

    @BeforeEach
    void aStudySessionAndWhatWasWrittenAboutIt() {
        tenant = TestTenant.found(context, "kpi-out", "JAWS-UG 東京");
        admin = new ApiClient(port, tenant.token(Role.ORGANIZATION_ADMIN));
        CommunityHistory history = tenant.history();
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        long staff = history.staffMember("S");
        Held meetup = history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, b, staff).confirmed(c);
        String site = "https://" + tenant.slug() + ".example.jp/";
        meetup.wrote(a, "BLOG", site + "a/1", "2025-01-15T22:00");
        meetup.wrote(a, "SLIDE", site + "a/slides", "2025-01-16T09:00");
        meetup.wrote(staff, "BLOG", site + "s/1", "2025-01-16T12:00");
        meetup.wrote(c, "BLOG", site + "c/1", "2025-01-16T20:00");
        meetup.wrote(null, "MEDIA", site + "news/1", "2025-01-17T10:00");
        eventId = meetup.id();
    }

    private MockHttpServletResponse dashboard(String path) throws Exception {
        return mvc.perform(get(tenant.ofCommunity("/dashboard" + path))
                .session(tenant.staff(mvc, Role.COMMUNITY_LEADER)).header("Accept-Language", "en"))
                .andReturn().getResponse();
    }

    @Test
    void theApiGivesTheOutputRateBurstDecayAndTheCommunityToMediaRatio() {
        JsonNode body = admin.get("/api/v1/communities/" + tenant.community().slug() + "/kpis" + YEAR_2025).json();

        assertThat(body.path("communityOutputs").asInt()).isEqualTo(4);
        assertThat(body.path("mediaArticles").asInt()).isEqualTo(1);
        assertThat(body.path("communityToMediaRatio").asDouble()).isEqualTo(4.0);
        JsonNode event = body.path("perEvent").get(0);
        assertThat(event.path("id").asLong()).isEqualTo(eventId);
        assertThat(event.path("outputs").asInt()).isEqualTo(5);
        assertThat(event.path("attendees").asInt()).isEqualTo(2);
        assertThat(event.path("attendeeAuthors").asInt()).isEqualTo(1);
        assertThat(event.path("outputRate").asDouble()).isEqualTo(0.5);
        assertThat(event.path("burstPeakDay").asInt()).isEqualTo(1);
        assertThat(event.path("burstPeak").asInt()).isEqualTo(3);
        assertThat(event.path("decayDays").asInt()).isEqualTo(1);
    }

    @Test
    void theDashboardAndItsCsvShowTheSameNumbers() throws Exception {
        String html = dashboard(YEAR_2025).getContentAsString();
        MockHttpServletResponse csv = dashboard("/outputs.csv" + YEAR_2025);

        assertThat(html).contains("id=\"outputs-section\"", "id=\"output-data\"", "/js/dashboard-outputs.js",
                "id=\"chart-output-rate\"", "id=\"chart-burst\"", "id=\"tile-community-outputs\">4<",
                "id=\"tile-media-articles\">1<", "id=\"tile-community-to-media\">4.00<",
                "<td class=\"number output-rate\">50.0%</td>", "<td class=\"number decay-days\">1</td>");
        assertThat(csv.getStatus()).isEqualTo(200);
        List<String> lines = new String(csv.getContentAsByteArray(), StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).isEqualTo("Date,Event,Attendees,Outputs,Attendee-authors,Output rate,Peak day,"
                + "Peak (outputs/day),Days to fall under half the peak");
        assertThat(lines.get(1)).isEqualTo("2025-01-15 19:00,JAWS-UG 東京 2025-01-15T19:00,2,5,1,0.5,1,3,1");
        assertThat(lines.get(4)).isEqualTo("4,1,4.0");
        assertThat(lines.get(6)).startsWith("Date,Event,-7,-6,").endsWith(",29,30");
        assertThat(lines.get(7)).startsWith("2025-01-15 19:00,JAWS-UG 東京 2025-01-15T19:00,0,0,0,0,0,0,0,1,3,1,0,");
    }

    @Test
    void anotherOrganizationGetsNoOutputCsv() throws Exception {
        MockHttpSession outsider = TestTenant.found(context, "kpi-out-other", "Other")
                .staff(mvc, Role.ORGANIZATION_ADMIN);

        int status = mvc.perform(get(tenant.ofCommunity("/dashboard/outputs.csv")).session(outsider)).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }
}
