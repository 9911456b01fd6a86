package io.firstpin.leadership.web;

import org.springframework.context.ApplicationContext;
import io.firstpin.testing.TestTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.identity.Role;
import io.firstpin.leadership.LeaderRoles;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.testing.DatabaseTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class LeaderPagesTests {
    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    Communities communities;
    @Autowired
    Members members;
    @Autowired
    LeaderRoles leaders;

    TestTenant tenant;
    Organization organization;
    Community community;
    String page;
    long alice;
    long kenji;

    @BeforeEach
    void aCommunityWithOneLeaderAndOnePastLeader() {
        tenant = TestTenant.found(context, "leader-page", "JAWS-UG 福岡");
        organization = tenant.organization();
        community = tenant.community();
        alice = members.register(organization.id(), "Alice Leader", List.of()).id();
        long bob = members.register(organization.id(), "Bob Former", List.of()).id();
        kenji = members.register(organization.id(), "Kenji Candidate", List.of()).id();
        leaders.appoint(community, alice, LocalDate.of(2024, 4, 1), null);
        leaders.appoint(community, bob, LocalDate.of(2022, 4, 1), LocalDate.of(2024, 3, 31));
        page = "/manage/" + organization.slug() + "/communities/" + community.slug() + "/leaders";
    }

    private MockHttpServletResponse fetch(String path, String language) throws Exception {
        return mvc.perform(get(path).session(tenant.staff(mvc, Role.COMMUNITY_LEADER))
                .header("Accept-Language", language)).andReturn().getResponse();
    }

    @Test
    void theLeadersPageShowsTheCurrentLeaderAsAOnePersonOperationInJapanese() throws Exception {
        MockHttpServletResponse response = fetch(page, "ja");

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("現在のリーダー", "Alice Leader", "2024-04-01", "ワンオペ",
                "歴代リーダー", "Bob Former", "2024-03-31", "リーダー 1 人（目標 3 人）");
    }

    @Test
    void theLeadersPageIsInEnglishToo() throws Exception {
        String html = fetch(page, "en").getContentAsString();

        assertThat(html).contains("Current leaders", "one-person operation", "Past leaders", "1 of 3 leaders",
                "Appoint a leader");
    }

    @Test
    void aMemberFoundByNameIsAppointedAndSteppedDown() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        String found = mvc.perform(get(page).param("q", "kenji").header("HX-Request", "true").session(session))
                .andReturn().getResponse().getContentAsString();
        MockHttpServletResponse appointed = mvc.perform(post(page).param("memberId", String.valueOf(kenji))
                .param("startedOn", "2025-01-01").session(session).with(csrf())).andReturn().getResponse();
        long role = leaders.history(community).stream().filter(l -> l.role().memberId() == kenji).findFirst()
                .orElseThrow().role().id();
        MockHttpServletResponse stepped = mvc.perform(post(page + "/" + role + "/step-down")
                .param("endedOn", "2025-06-30").session(session).with(csrf())).andReturn().getResponse();

        assertThat(found).contains("Kenji Candidate").doesNotContain("<html");
        assertThat(appointed.getRedirectedUrl()).isEqualTo(page);
        assertThat(stepped.getRedirectedUrl()).isEqualTo(page);
        assertThat(leaders.history(community)).filteredOn(l -> l.role().memberId() == kenji)
                .extracting(l -> l.role().endedOn()).containsExactly(LocalDate.of(2025, 6, 30));
    }

    @Test
    void anOverlappingAppointmentOrAnEarlyStepDownIsExplainedOnThePage() throws Exception {
        MockHttpSession session = tenant.staff(mvc, Role.COMMUNITY_LEADER);
        MockHttpServletResponse overlap = mvc.perform(post(page).param("memberId", String.valueOf(alice))
                .param("startedOn", "2025-01-01").header("Accept-Language", "en").session(session).with(csrf()))
                .andReturn().getResponse();
        long role = leaders.history(community).stream().filter(l -> l.role().memberId() == alice).findFirst()
                .orElseThrow().role().id();
        MockHttpServletResponse early = mvc.perform(post(page + "/" + role + "/step-down")
                .param("endedOn", "2020-01-01").header("Accept-Language", "en").session(session).with(csrf()))
                .andReturn().getResponse();

        assertThat(overlap.getStatus()).isEqualTo(400);
        assertThat(overlap.getContentAsString()).contains("Alice Leader already holds a leader role");
        assertThat(early.getStatus()).isEqualTo(400);
        assertThat(early.getContentAsString()).contains("must not be before the first day");
    }

    @Test
    void aViewerMayLookButNotAppoint() throws Exception {
        MockHttpSession viewer = tenant.staff(mvc, Role.VIEWER);

        assertThat(mvc.perform(get(page).session(viewer)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(post(page).param("memberId", String.valueOf(kenji)).session(viewer).with(csrf()))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anonymousVisitorsAreSentToSignInAndOtherOrganizationsSeeNothing() throws Exception {
        MockHttpServletResponse anonymous = mvc.perform(get(page)).andReturn().getResponse();
        TestTenant other = TestTenant.found(context, "leader-other", "Other");
        MockHttpSession outsider = other.staff(mvc, Role.ORGANIZATION_ADMIN);
        int look = mvc.perform(get(page).session(outsider)).andReturn().getResponse().getStatus();
        String theirPage = "/manage/" + other.slug() + "/communities/" + community.slug() + "/leaders";
        int viaOwnOrganization = mvc.perform(get(theirPage).session(outsider)).andReturn().getResponse().getStatus();
        int appoint = mvc.perform(post(theirPage).param("memberId", String.valueOf(kenji)).session(outsider)
                .with(csrf())).andReturn().getResponse().getStatus();

        assertThat(anonymous.getRedirectedUrl()).endsWith("/login");
        assertThat(look).isEqualTo(404);
        assertThat(viaOwnOrganization).isEqualTo(404);
        assertThat(appoint).isEqualTo(404);
    }
}
