package io.firstpin.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class OrganizationPagesTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Organizations organizations;

    @Test
    void staffPagesAskForALogin() throws Exception {
        MvcResult result = mvc.perform(get("/manage")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
    }

    @Test
    void instanceAdminFoundsAnOrganizationFromTheAdminPage() throws Exception {
        accounts.open("root@firstpin.test", "Root", "correct horse battery", true);
        MockHttpSession session = StaffLogin.signIn(mvc, "root@firstpin.test", "correct horse battery");

        MvcResult created = mvc.perform(post("/admin/organizations").session(session).with(csrf())
                .param("slug", "kaisha").param("name", "株式会社カイシャ")).andReturn();

        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/manage/kaisha/settings");
        assertThat(organizations.findBySlug("kaisha")).isPresent();
    }

    @Test
    void aBadSlugIsExplainedNextToTheFieldInTheChosenLanguage() throws Exception {
        accounts.open("root2@firstpin.test", "Root", "correct horse battery", true);
        MockHttpSession session = StaffLogin.signIn(mvc, "root2@firstpin.test", "correct horse battery");

        MvcResult result = mvc.perform(post("/admin/organizations").session(session).with(csrf())
                .header("Accept-Language", "ja").param("slug", "Bad Slug").param("name", "X")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentAsString()).contains("半角英小文字");
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() throws Exception {
        accounts.open("root3@firstpin.test", "Root", "correct horse battery", true);
        MockHttpSession session = StaffLogin.signIn(mvc, "root3@firstpin.test", "correct horse battery");

        MvcResult result = mvc.perform(post("/admin/organizations").session(session)
                .param("slug", "no-csrf").param("name", "X")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(organizations.findBySlug("no-csrf")).isEmpty();
    }

    @Test
    void aViewerSeesNoSettingsOfItsOrganizationAndNothingOfAnother() throws Exception {
        var mine = organizations.found(new Slug("viewers-org"), "Viewers");
        organizations.found(new Slug("other-org"), "Other");
        accounts.openWithRole("viewer@firstpin.test", "Viewer", "correct horse battery", mine.id(), Role.VIEWER);
        MockHttpSession session = StaffLogin.signIn(mvc, "viewer@firstpin.test", "correct horse battery");

        int ownSettings = mvc.perform(get("/manage/viewers-org/settings").session(session)).andReturn().getResponse().getStatus();
        int otherSettings = mvc.perform(get("/manage/other-org/settings").session(session)).andReturn().getResponse().getStatus();

        assertThat(ownSettings).isEqualTo(403);
        assertThat(otherSettings).isEqualTo(404);
    }
}
