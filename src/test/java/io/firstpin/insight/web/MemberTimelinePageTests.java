package io.firstpin.insight.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.insight.LadderHistory;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.HtmxPage;
import io.firstpin.testing.StaffLogin;
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

/** The staff member page's ladder steps and activity timeline, on {@link LadderHistory}. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class MemberTimelinePageTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    DSLContext db;

    Organization organization;
    LadderHistory story;
    String memberA;

    @BeforeEach
    void aMemberWithAKnownHistory() {
        String slug = "activity-page-" + System.nanoTime();
        organization = organizations.found(new Slug(slug), "Activity page");
        Community tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        story = new LadderHistory(db, communities, events, tokyo);
        story.t3.surveyAnsweredBy(story.a, 9, false, "named comment");
        story.t5.surveyAnsweredBy(story.a, 3, true, "secret comment");
        memberA = "/manage/" + organization.slug() + "/members/" + story.a;
    }

    private MockHttpSession signedIn(Organization where, Role role) {
        String email = role.name().toLowerCase() + "-" + System.nanoTime() + "@example.com";
        accounts.openWithRole(email, "Staff", PASSWORD, where.id(), role);
        return StaffLogin.signIn(mvc, email, PASSWORD);
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return HtmxPage.fetch(mvc, signedIn(organization, Role.VIEWER), path, language);
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
        Organization other = organizations.found(new Slug("activity-other-" + System.nanoTime()), "Other");

        int status = mvc.perform(get(memberA).session(signedIn(other, Role.ORGANIZATION_ADMIN))).andReturn()
                .getResponse().getStatus();

        assertThat(status).isEqualTo(404);
    }
}
