package io.firstpin.identity.web;

import static io.firstpin.platform.db.Tables.PASSWORD_RESET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Passwords;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.notification.MailStatus;
import io.firstpin.notification.Notifications;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MailedLinks;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.StaffAccess;
import io.firstpin.testing.StaffLogin;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Changing one's own password, "forgot password" by an emailed link, and a reset forced by an admin. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class PasswordPagesTests {

    private static final String NEW_PASSWORD = "a brand new phrase 77";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Notifications notifications;
    @Autowired
    MovableClock clock;
    @Autowired
    DSLContext db;

    private long pendingEmails() {
        return notifications.countByStatus().getOrDefault(MailStatus.PENDING, 0L)
                + notifications.countByStatus().getOrDefault(MailStatus.SENT, 0L)
                + notifications.countByStatus().getOrDefault(MailStatus.FAILED, 0L);
    }

    private String latestResetLink(String email) {
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        Long id = db.select(DSL.max(PASSWORD_RESET.ID)).from(PASSWORD_RESET)
                .where(PASSWORD_RESET.ACCOUNT_ID.eq(accountId)).fetchOne(0, Long.class);
        return MailedLinks.pathIn(notifications, "password-reset:" + id);
    }

    @Test
    void forgottenPasswordsAreResetByALinkThatWorksOnceAndTheAnswerNeverTellsWhetherTheAccountExists()
            throws Exception {
        Organization organization = StaffAccess.organization(organizations, "forgot");
        String email = "forgetful-" + organization.id() + "@example.com";
        StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER, email);

        long before = pendingEmails();
        String unknownAnswer = mvc.perform(post("/password-reset").with(csrf())
                .param("email", "nobody-" + organization.id() + "@example.com")).andReturn().getResponse()
                .getContentAsString();
        long afterUnknown = pendingEmails();
        String knownAnswer = mvc.perform(post("/password-reset").with(csrf()).param("email", email.toUpperCase()))
                .andReturn().getResponse().getContentAsString();
        String link = latestResetLink(email);
        MvcResult weak = mvc.perform(post(link).with(csrf()).param("newPassword", "password123456")
                .param("newPasswordAgain", "password123456")).andReturn();
        MvcResult reset = mvc.perform(post(link).with(csrf()).param("newPassword", NEW_PASSWORD)
                .param("newPasswordAgain", NEW_PASSWORD)).andReturn();

        assertThat(strip(unknownAnswer)).isEqualTo(strip(knownAnswer)).contains("id=\"reset-sent\"");
        assertThat(afterUnknown).isEqualTo(before);
        assertThat(link).startsWith("/password-reset/pwr_");
        assertThat(weak.getResponse().getStatus()).isEqualTo(200);
        assertThat(reset.getResponse().getRedirectedUrl()).isEqualTo("/login?reset");
        assertThat(StaffLoginAttempt.succeeds(mvc, email, StaffAccess.PASSWORD)).isFalse();
        assertThat(StaffLoginAttempt.succeeds(mvc, email, NEW_PASSWORD)).isTrue();
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).as("used once").isEqualTo(410);
    }

    @Test
    void aResetLinkExpiresAfterThirtyMinutes() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "expire");
        String email = "slow-" + organization.id() + "@example.com";
        StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER, email);

        mvc.perform(post("/password-reset").with(csrf()).param("email", email));
        String link = latestResetLink(email);
        clock.advance(Passwords.RESET_VALID_FOR.plusSeconds(1));
        try {
            int status = mvc.perform(post(link).with(csrf()).param("newPassword", NEW_PASSWORD)
                    .param("newPasswordAgain", NEW_PASSWORD)).andReturn().getResponse().getStatus();
            assertThat(status).isEqualTo(410);
            assertThat(StaffLoginAttempt.succeeds(mvc, email, StaffAccess.PASSWORD)).isTrue();
        } finally {
            clock.advance(Passwords.RESET_VALID_FOR.plusSeconds(1).negated());
        }
    }

    @Test
    void ownersChangeTheirPasswordOnlyWithTheCurrentOne() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "change");
        String email = "changer-" + organization.id() + "@example.com";
        MockHttpSession session = StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER, email);

        MvcResult wrongCurrent = mvc.perform(post("/manage/account/password").session(session).with(csrf())
                .param("currentPassword", "not my password at all").param("newPassword", NEW_PASSWORD)
                .param("newPasswordAgain", NEW_PASSWORD)).andReturn();
        boolean oldStillWorks = StaffLoginAttempt.succeeds(mvc, email, StaffAccess.PASSWORD);
        MvcResult changed = mvc.perform(post("/manage/account/password").session(session).with(csrf())
                .param("currentPassword", StaffAccess.PASSWORD).param("newPassword", NEW_PASSWORD)
                .param("newPasswordAgain", NEW_PASSWORD)).andReturn();

        assertThat(wrongCurrent.getResponse().getStatus()).isEqualTo(200);
        assertThat(wrongCurrent.getResponse().getContentAsString()).contains("現在のパスワードが違います");
        assertThat(oldStillWorks).isTrue();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/manage/account");
        assertThat(StaffLoginAttempt.succeeds(mvc, email, NEW_PASSWORD)).isTrue();
        assertThat(mvc.perform(get("/manage/account")).andReturn().getResponse().getStatus()).isEqualTo(302);
    }

    @Test
    void anAdminForcesAResetWhichStopsTheOldPasswordAndMailsTheOwnerButCannotReachOtherOrganizations()
            throws Exception {
        Organization organization = StaffAccess.organization(organizations, "forced");
        Organization other = StaffAccess.organization(organizations, "forced-other");
        MockHttpSession admin = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN,
                "admin-" + organization.id() + "@example.com");
        MockHttpSession otherAdmin = StaffAccess.signedIn(mvc, accounts, other, Role.ORGANIZATION_ADMIN,
                "admin-" + other.id() + "@example.com");
        String email = "staff-" + organization.id() + "@example.com";
        StaffAccess.signedIn(mvc, accounts, organization, Role.COMMUNITY_LEADER, email);
        long accountId = accounts.findByEmail(email).orElseThrow().id();

        int fromOtherOrganization = mvc.perform(post("/manage/" + other.slug() + "/staff/" + accountId
                + "/reset-password").session(otherAdmin).with(csrf())).andReturn().getResponse().getStatus();
        boolean stillWorks = StaffLoginAttempt.succeeds(mvc, email, StaffAccess.PASSWORD);
        mvc.perform(post("/manage/" + organization.slug() + "/staff/" + accountId + "/reset-password")
                .session(admin).with(csrf()));
        String link = latestResetLink(email);
        mvc.perform(post(link).with(csrf()).param("newPassword", NEW_PASSWORD).param("newPasswordAgain", NEW_PASSWORD));

        assertThat(fromOtherOrganization).isEqualTo(404);
        assertThat(stillWorks).isTrue();
        assertThat(StaffLoginAttempt.succeeds(mvc, email, StaffAccess.PASSWORD)).isFalse();
        assertThat(StaffLoginAttempt.succeeds(mvc, email, NEW_PASSWORD)).isTrue();
    }

    @Test
    void changingThePasswordSignsTheAccountOutEverywhereElseButHere() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "change-sessions");
        String email = "two-browsers-" + organization.id() + "@example.com";
        MockHttpSession here = StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER, email);
        MockHttpSession elsewhere = StaffLogin.signIn(mvc, email, StaffAccess.PASSWORD);
        MockHttpSession otherAccount = StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER,
                "bystander-" + organization.id() + "@example.com");

        mvc.perform(post("/manage/account/password").session(here).with(csrf())
                .param("currentPassword", StaffAccess.PASSWORD).param("newPassword", NEW_PASSWORD)
                .param("newPasswordAgain", NEW_PASSWORD));

        assertThat(status(get("/manage/account").session(here))).isEqualTo(200);
        assertThat(status(get("/manage/account").session(elsewhere))).isEqualTo(302);
        assertThat(status(get("/manage/account").session(otherAccount))).isEqualTo(200);
    }

    @Test
    void aForcedResetSignsTheAccountOutEverywhere() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "forced-sessions");
        MockHttpSession admin = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN,
                "admin-" + organization.id() + "@example.com");
        String email = "suspect-" + organization.id() + "@example.com";
        MockHttpSession suspect = StaffAccess.signedIn(mvc, accounts, organization, Role.COMMUNITY_LEADER, email);
        long accountId = accounts.findByEmail(email).orElseThrow().id();
        assertThat(status(get("/manage/account").session(suspect))).isEqualTo(200);

        mvc.perform(post("/manage/" + organization.slug() + "/staff/" + accountId + "/reset-password")
                .session(admin).with(csrf()));

        assertThat(status(get("/manage/account").session(suspect))).isEqualTo(302);
        assertThat(status(get("/manage/" + organization.slug() + "/staff").session(admin))).isEqualTo(200);
    }

    private int status(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    private static String strip(String page) {
        return page.replaceAll("(name|content)=\"_csrf\" (value|content)=\"[^\"]*\"", "")
                .replaceAll("<meta name=\"_csrf\" content=\"[^\"]*\">", "");
    }
}
