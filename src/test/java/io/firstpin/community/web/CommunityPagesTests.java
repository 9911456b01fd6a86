package io.firstpin.community.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class CommunityPagesTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    StaffAccounts accounts;

    Organization organization;
    MockHttpSession admin;

    @BeforeEach
    void anOrganizationWithItsAdmin() {
        organization = organizations.found(new Slug("cp-" + System.nanoTime()), "Community pages");
        String email = "admin-" + organization.id() + "@example.com";
        accounts.openWithRole(email, "Admin", PASSWORD, organization.id(), Role.ORGANIZATION_ADMIN);
        admin = StaffLogin.signIn(mvc, email, PASSWORD);
    }

    private MockHttpServletRequestBuilder startCommunity(String slug, String parent) {
        return post("/manage/" + organization.slug() + "/communities").session(admin).with(csrf())
                .param("slug", slug).param("name", "JAWS-UG " + slug).param("hashtag", "#" + slug.replace('-', '_'))
                .param("interestAxis", "AWS を使う人のために").param("timeZone", "Asia/Tokyo").param("parent", parent);
    }

    @Test
    void anAdminStartsACommunityAndABranchOfIt() throws Exception {
        String suffix = String.valueOf(organization.id());
        mvc.perform(startCommunity("national-" + suffix, ""));
        MvcResult branch = mvc.perform(startCommunity("osaka-" + suffix, "national-" + suffix)).andReturn();

        assertThat(branch.getResponse().getRedirectedUrl()).endsWith("/communities/osaka-" + suffix + "/events");
        var national = communities.inOrganization(organization.id(), "national-" + suffix);
        assertThat(communities.inOrganization(organization.id(), "osaka-" + suffix).parentId()).isEqualTo(national.id());
        String overview = mvc.perform(get("/manage/" + organization.slug()).session(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(overview).contains("JAWS-UG national-" + suffix).contains("indent-1");
    }

    @Test
    void aTakenSlugIsExplainedOnTheFormAndNothingChanges() throws Exception {
        String slug = "taken-" + organization.id();
        mvc.perform(startCommunity(slug, ""));

        MvcResult again = mvc.perform(startCommunity(slug, "").header("Accept-Language", "en")).andReturn();

        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(again.getResponse().getContentAsString()).contains("is already taken");
        assertThat(communities.list(organization.id())).hasSize(1);
    }

    @Test
    void aCommunityCannotBranchFromItsOwnBranch() throws Exception {
        String parent = "parent-" + organization.id();
        String child = "child-" + organization.id();
        mvc.perform(startCommunity(parent, ""));
        mvc.perform(startCommunity(child, parent));

        MvcResult loop = mvc.perform(post("/manage/" + organization.slug() + "/communities/" + parent).session(admin)
                .with(csrf()).param("name", "Parent").param("timeZone", "Asia/Tokyo").param("parent", child)
                .header("Accept-Language", "en")).andReturn();

        assertThat(loop.getResponse().getContentAsString()).contains("cannot branch from itself");
        assertThat(communities.inOrganization(organization.id(), parent).parentId()).isNull();
    }

    @Test
    void aCommunityLeaderMayDescribeButNotStartCommunities() throws Exception {
        String email = "leader-" + organization.id() + "@example.com";
        accounts.openWithRole(email, "Leader", PASSWORD, organization.id(), Role.COMMUNITY_LEADER);
        MockHttpSession leader = StaffLogin.signIn(mvc, email, PASSWORD);

        int status = mvc.perform(post("/manage/" + organization.slug() + "/communities").session(leader).with(csrf())
                .param("slug", "by-leader").param("name", "x")).andReturn().getResponse().getStatus();

        assertThat(status).isEqualTo(403);
        assertThat(communities.findBySlug("by-leader")).isEmpty();
    }
}
