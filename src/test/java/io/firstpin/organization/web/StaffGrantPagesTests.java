package io.firstpin.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.OrganizationRoleGrant;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.ScopedOrganization;
import io.firstpin.testing.StaffLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The staff page says where each role holds, and an admin moves a grant to one community there. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class StaffGrantPagesTests {

    @Autowired
    ApplicationContext context;
    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;

    @Test
    void anAdminLimitsALeaderToTokyoWhoThenNoLongerReachesOsaka() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "staff-grant-tokyo");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        long leader = accounts.openWithRole("leader@staff-grant.test", "Leader", ScopedOrganization.PASSWORD,
                org.organization().id(), Role.COMMUNITY_LEADER).id();
        String osakaEvent = "/manage/" + org.slug() + "/events/" + org.osakaEvent();
        MockHttpSession before = StaffLogin.signIn(mvc, "leader@staff-grant.test", ScopedOrganization.PASSWORD);
        assertThat(mvc.perform(get(osakaEvent).session(before)).andReturn().getResponse().getStatus()).isEqualTo(200);

        mvc.perform(post("/manage/" + org.slug() + "/staff/" + leader + "/role").session(admin).with(csrf())
                .param("role", "COMMUNITY_LEADER").param("community", String.valueOf(org.tokyo().id())));

        OrganizationRoleGrant grant = accounts.inOrganization(org.organization().id(), leader).grantIn(org.organization().id()).orElseThrow();
        assertThat(grant.communityId()).isEqualTo(org.tokyo().id());
        assertThat(mvc.perform(get(osakaEvent).session(before)).andReturn().getResponse().getStatus()).isEqualTo(404);
        String staff = mvc.perform(get("/manage/" + org.slug() + "/staff").session(admin)).andReturn().getResponse()
                .getContentAsString();
        assertThat(staff).contains("value=\"" + org.tokyo().id() + "\" selected=\"selected\"");
    }

    @Test
    void aCommunityOfAnotherOrganizationIsRefusedWithAMessage() throws Exception {
        ScopedOrganization org = ScopedOrganization.found(context, "staff-grant-mine");
        ScopedOrganization other = ScopedOrganization.found(context, "staff-grant-theirs");
        MockHttpSession admin = org.signedIn(mvc, Role.ORGANIZATION_ADMIN, null);
        long leader = accounts.openWithRole("leader@staff-grant-mine.test", "Leader", ScopedOrganization.PASSWORD,
                org.organization().id(), Role.COMMUNITY_LEADER).id();

        MvcResult refused = mvc.perform(post("/manage/" + org.slug() + "/staff/" + leader + "/role").session(admin)
                .with(csrf()).param("role", "COMMUNITY_LEADER")
                .param("community", String.valueOf(other.osaka().id()))).andReturn();
        String page = mvc.perform(get("/manage/" + org.slug() + "/staff").session(admin)
                .flashAttrs(refused.getFlashMap()).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString();

        assertThat(page).contains("There is no such community in this organization.");
        assertThat(accounts.inOrganization(org.organization().id(), leader).grantIn(org.organization().id()).orElseThrow()
                .wholeOrganization()).isTrue();
    }
}
