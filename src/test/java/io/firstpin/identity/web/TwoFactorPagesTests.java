package io.firstpin.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.identity.Totp;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.StaffAccess;
import io.firstpin.testing.StaffLogin;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** A second factor (TOTP) after the password, and organizations that require one of their admins. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class TwoFactorPagesTests {

    private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7]+)<");

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    MovableClock clock;

    private String currentCode(String secret) {
        return Totp.code(secret, Totp.step(clock.instant()));
    }

    private String enable(MockHttpSession session) throws Exception {
        String page = mvc.perform(post("/manage/account/two-factor/start").session(session).with(csrf())).andReturn()
                .getResponse().getContentAsString();
        Matcher secret = SECRET.matcher(page);
        assertThat(secret.find()).as(page).isTrue();
        mvc.perform(post("/manage/account/two-factor/confirm").session(session).with(csrf())
                .param("code", currentCode(secret.group(1))));
        return secret.group(1);
    }

    private String location(MockHttpSession session, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).session(session)).andReturn();
        return result.getResponse().getStatus() == 200 ? "200" : result.getResponse().getRedirectedUrl();
    }

    @Test
    void withAnAuthenticatorThePasswordAloneOpensNoStaffPageAndEachCodeWorksOnce() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "totp");
        String email = "careful-" + organization.id() + "@example.com";
        MockHttpSession first = StaffAccess.signedIn(mvc, accounts, organization, Role.COMMUNITY_LEADER, email);
        String secret = enable(first);
        clock.advance(Duration.ofSeconds(30));

        MockHttpSession second = StaffLogin.signIn(mvc, email, StaffAccess.PASSWORD);
        String beforeCode = location(second, "/manage/" + organization.slug() + "/events");
        MvcResult wrong = mvc.perform(post("/login/code").session(second).with(csrf()).param("code", "000000"))
                .andReturn();
        String code = currentCode(secret);
        MvcResult right = mvc.perform(post("/login/code").session(second).with(csrf()).param("code", code))
                .andReturn();
        String afterCode = location(second, "/manage/" + organization.slug() + "/events");
        MockHttpSession third = StaffLogin.signIn(mvc, email, StaffAccess.PASSWORD);
        MvcResult replayed = mvc.perform(post("/login/code").session(third).with(csrf()).param("code", code))
                .andReturn();

        assertThat(beforeCode).isEqualTo("/login/code");
        assertThat(wrong.getResponse().getContentAsString()).contains("id=\"code-wrong\"");
        assertThat(right.getResponse().getRedirectedUrl()).isEqualTo("/manage");
        assertThat(afterCode).isEqualTo("200");
        assertThat(replayed.getResponse().getContentAsString()).as("a code works once").contains("id=\"code-wrong\"");
        assertThat(location(third, "/manage")).isEqualTo("/login/code");
    }

    @Test
    void anOrganizationThatRequiresItMakesItsAdminsSetUpAnAuthenticatorBeforeAnythingElse() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "totp-policy");
        String adminEmail = "admin-" + organization.id() + "@example.com";
        MockHttpSession admin = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN, adminEmail);
        String viewerEmail = "viewer-" + organization.id() + "@example.com";
        StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER, viewerEmail);

        mvc.perform(post("/manage/" + organization.slug() + "/staff/two-factor").session(admin).with(csrf())
                .param("required", "true"));
        MockHttpSession adminAgain = StaffLogin.signIn(mvc, adminEmail, StaffAccess.PASSWORD);
        String adminBeforeSetUp = location(adminAgain, "/manage/" + organization.slug() + "/staff");
        MockHttpSession viewer = StaffLogin.signIn(mvc, viewerEmail, StaffAccess.PASSWORD);
        enable(adminAgain);
        String adminAfterSetUp = location(adminAgain, "/manage/" + organization.slug() + "/staff");
        MvcResult turnOff = mvc.perform(post("/manage/account/two-factor/disable").session(adminAgain).with(csrf())
                .param("currentPassword", StaffAccess.PASSWORD)).andReturn();

        assertThat(adminBeforeSetUp).isEqualTo("/manage/account/two-factor");
        assertThat(location(viewer, "/manage/" + organization.slug() + "/events")).isEqualTo("200");
        assertThat(adminAfterSetUp).isEqualTo("200");
        assertThat(turnOff.getResponse().getContentAsString()).contains("id=\"two-factor-problem\"");
    }
}
