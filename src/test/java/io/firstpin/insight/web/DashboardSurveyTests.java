package io.firstpin.insight.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.identity.Role;
import io.firstpin.testing.TestTenant;
import static io.firstpin.platform.db.Tables.REGISTRATION;
import static io.firstpin.platform.db.Tables.SURVEY_RESPONSE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.attendee.Attendees;
import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.organization.Organization;
import io.firstpin.survey.Surveys;
import io.firstpin.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * The dashboard's survey section over a hand-built history: 東京 on 2025-01-15 (NPS 10, 9, 7, 3 → 50% − 25% = 25.0;
 * CES 5, 6, 7, 5 → 5.75; heat 4, 4, 4, 5 → 4.25), its branch 大阪 on 2025-02-20 (NPS 6 and 6 → −100.0, no CES or
 * heat), 東京 again on 2025-03-10 without answers, and a 2024 event whose answers are outside the period.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class DashboardSurveyTests {

    private static final String YEAR_2025 = "?from=2025-01-01&to=2025-12-31&branches=true";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    Surveys surveys;
    @Autowired
    DSLContext db;

    TestTenant tenant;
    Organization organization;
    Community tokyo;
    long january;
    String dashboard;

    @BeforeEach
    void threeEventsWithSurveys() {
        tenant = TestTenant.found(context, "dsv", "JAWS-UG 東京");
        organization = tenant.organization();
        tokyo = tenant.community();
        CommunityHistory history = tenant.history();
        Community osaka = history.branch("JAWS-UG 大阪", LocalDate.of(2025, 1, 1));
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        long d = history.member("D");
        long e = history.member("E");
        long old = history.eventAt("2024-11-10T19:00", "JP-13", "渋谷区").checkedIn(a).id();
        answered(old, a, 0, null, null);
        january = history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, b, c, d).id();
        answered(january, a, 10, 5, 4);
        answered(january, b, 9, 6, 4);
        answered(january, c, 7, 7, 4);
        answered(january, d, 3, 5, 5);
        long february = history.eventOf(osaka, "2025-02-20T19:00", "JP-27", "大阪市").confirmed(a, e).id();
        answered(february, a, 6, null, null);
        answered(february, e, 6, null, null);
        history.eventAt("2025-03-10T19:00", "JP-13", "渋谷区").checkedIn(a, b);
        dashboard = "/manage/" + organization.slug() + "/communities/" + tokyo.slug() + "/dashboard";
    }

    /** A survey response of the member's registration for the event, written as the survey module stores it. */
    private void answered(long eventId, long memberId, int nps, Integer ces, Integer heat) {
        long registrationId = db.select(REGISTRATION.ID).from(REGISTRATION).where(REGISTRATION.EVENT_ID.eq(eventId))
                .and(REGISTRATION.MEMBER_ID.eq(memberId)).fetchSingle(REGISTRATION.ID);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        db.insertInto(SURVEY_RESPONSE)
                .set(SURVEY_RESPONSE.REGISTRATION_ID, registrationId)
                .set(SURVEY_RESPONSE.EVENT_ID, eventId)
                .set(SURVEY_RESPONSE.ORGANIZATION_ID, organization.id())
                .set(SURVEY_RESPONSE.MEMBER_ID, memberId)
                .set(SURVEY_RESPONSE.NPS, nps)
                .set(SURVEY_RESPONSE.CES, ces)
                .set(SURVEY_RESPONSE.HEAT, heat)
                .set(SURVEY_RESPONSE.WANTS_TO_SPEAK, false)
                .set(SURVEY_RESPONSE.WANTS_TO_ORGANISE, false)
                .set(SURVEY_RESPONSE.ANONYMOUS, false)
                .set(SURVEY_RESPONSE.ANSWERED_AT, now)
                .set(SURVEY_RESPONSE.UPDATED_AT, now)
                .execute();
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return mvc.perform(get(path).session(tenant.staff(mvc, Role.COMMUNITY_LEADER)).header("Accept-Language", language))
                .andReturn().getResponse();
    }

    @Test
    void theDashboardShowsEachEventsNpsWithItsResponsesAndTheMeansAsTheSurveyPagesDo() throws Exception {
        String html = fetch(dashboard + YEAR_2025, "en").getContentAsString();

        assertThat(html).contains("id=\"survey-scores\"", "id=\"chart-surveys\"", "/js/dashboard-surveys.js",
                "<script type=\"application/json\" id=\"survey-kpi-data\">",
                "\"nps\":25.0", "\"cesMean\":5.75", "\"heatMean\":4.25", "\"nps\":-100.0")
                .contains("class=\"number responses\">4<", "class=\"number nps\">25.0<",
                        "class=\"number ces\">5.75<", "class=\"number heat\">4.25<", "class=\"number nps\">-100.0<")
                .doesNotContain("2024-11-10");
        assertThat(surveys.summary(organization.id(), january).nps()).isEqualByComparingTo("25.0");
    }

    @Test
    void withoutItsBranchesTheCommunityShowsOnlyItsOwnEvents() throws Exception {
        String html = fetch(dashboard + "?from=2025-01-01&to=2025-12-31&branches=false", "ja").getContentAsString();

        assertThat(html).contains("アンケート", "class=\"number nps\">25.0<").doesNotContain("-100.0");
    }

    @Test
    void theSurveyCsvHasOneRowPerEventOfThePeriodWithBlanksWhereNobodyAnswered() throws Exception {
        MockHttpServletResponse response = fetch(dashboard + "/surveys.csv" + YEAR_2025, "en");

        byte[] csv = response.getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(response.getHeader("Content-Disposition"))
                .contains(tokyo.slug() + "-surveys-2025-01-01-2025-12-31.csv");
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines).containsExactly(
                "Date,Event,Community,Attendees,Responses,NPS,Promoters (9–10),Passives (7–8),Detractors (0–6),"
                        + "CES mean (1–7),Heat mean (1–5)",
                "2025-01-15 19:00,JAWS-UG 東京 2025-01-15T19:00,JAWS-UG 東京,4,4,25.0,2,1,1,5.75,4.25",
                "2025-02-20 19:00,JAWS-UG 大阪 2025-02-20T19:00,JAWS-UG 大阪,2,2,-100.0,0,0,2,,",
                "2025-03-10 19:00,JAWS-UG 東京 2025-03-10T19:00,JAWS-UG 東京,2,0,,0,0,0,,");
    }

    @Test
    void anotherOrganizationGetsNoSurveyCsv() throws Exception {
        TestTenant other = TestTenant.found(context, "dsv-other", "Other");

        int status = mvc.perform(get(dashboard + "/surveys.csv").session(other.staff(mvc, Role.COMMUNITY_LEADER))).andReturn().getResponse()
                .getStatus();
        int badDates = fetch(dashboard + "/surveys.csv?from=2025-12-31&to=2025-01-01", "en").getStatus();

        assertThat(status).isEqualTo(404);
        assertThat(badDates).isEqualTo(400);
    }
}
