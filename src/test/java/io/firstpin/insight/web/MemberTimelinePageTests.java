package io.firstpin.insight.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.testing.TestTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.Role;
import io.firstpin.insight.LadderHistory;
import io.firstpin.organization.Organization;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.HtmxPage;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** The staff member page's ladder steps and activity timeline, on {@link LadderHistory}. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class MemberTimelinePageTests {
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
    String memberA;

    @BeforeEach
    void aMemberWithAKnownHistory() {
        tenant = TestTenant.found(context, "activity-page", "JAWS-UG 東京");
        organization = tenant.organization();
        Community tokyo = tenant.community();
        story = new LadderHistory(db, communities, context, tokyo);
        story.t3.surveyAnsweredBy(story.a, 9, false, "named comment");
        story.t5.surveyAnsweredBy(story.a, 3, true, "secret comment");
        memberA = "/manage/" + organization.slug() + "/members/" + story.a;
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return HtmxPage.fetch(mvc, tenant.staff(mvc, Role.VIEWER), path, language);
    }

    @Test
    void theMemberPageShowsTheStepsAndTheTimelineWithLinks() throws Exception {
        String html = fetch(memberA, "en").getContentAsString();
        String org = "/manage/" + organization.slug();

        assertThat(html).contains("Ladder step per community", "Organizers", "Case-study speakers", "Activity",
                "Became a leader of", "Spoke at", "Case study: CASE_STUDY 0", "Lightning talk: LIGHTNING_TALK 0",
                "Answered the survey of", "NPS 9", "Wrote", "Registered for", "Confirmed")
                .contains("data-community=\"" + story.osaka.slug() + "\" data-step=\"case_study_speaker\"",
                        "data-community=\"" + story.tokyo.slug() + "\" data-step=\"organizer\"")
                .contains("href=\"" + org + "/events/" + story.t3.id() + "/survey\"",
                        "href=\"" + org + "/events/" + story.t5.id() + "\"",
                        "href=\"" + org + "/communities/" + story.tokyo.slug() + "/leaders\"",
                        "href=\"https://blog.example.jp/a-t1\" rel=\"noopener nofollow\"")
                .doesNotContain("activity-shown");
        assertThat(html.indexOf("Became a leader of")).isLessThan(html.indexOf("Answered the survey of"));
    }

    @Test
    void anAnonymousSurveyAnswerNeverAppearsUnderTheMembersName() throws Exception {
        String html = fetch(memberA, "en").getContentAsString();

        assertThat(html).contains("named comment").doesNotContain("secret comment", "NPS 3",
                "/events/" + story.t5.id() + "/survey");
    }

    @Test
    void theTimelineReadsInJapanese() throws Exception {
        String html = fetch(memberA, "ja").getContentAsString();

        assertThat(html).contains("コミュニティごとのラダー段階", "運営者", "事例紹介登壇者", "活動履歴", "リーダー就任", "登壇",
                "アンケート回答", "申込", "確定");
    }

    @Test
    void anotherOrganizationGets404() throws Exception {
        TestTenant other = TestTenant.found(context, "activity-other", "Other");

        int status = mvc.perform(get(memberA).session(other.staff(mvc, Role.ORGANIZATION_ADMIN))).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }
}
