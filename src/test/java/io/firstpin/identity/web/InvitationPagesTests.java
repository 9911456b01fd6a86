package io.firstpin.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Invitation;
import io.firstpin.identity.Invitations;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.notification.Notifications;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MailedLinks;
import io.firstpin.testing.MovableClock;
import io.firstpin.testing.StaffAccess;
import io.firstpin.testing.StaffLogin;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Staff join by invitation and set their own password; an admin never chooses anyone's password. */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Config.class)
class InvitationPagesTests {

    private static final String OWN_PASSWORD = "my own secret phrase 42";

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Invitations invitations;
    @Autowired
    Notifications notifications;
    @Autowired
    MovableClock clock;

    private MvcResult invite(MockHttpSession admin, Organization organization, String email, Role role)
            throws Exception {
        return mvc.perform(post("/manage/" + organization.slug() + "/staff/invitations").session(admin).with(csrf())
                .param("email", email).param("role", role.name())).andReturn();
    }

    private String linkOfLatestInvitation(Organization organization) {
        Invitation latest = invitations.pending(organization.id()).get(0);
        return MailedLinks.pathIn(notifications, "staff-invitation:" + latest.id());
    }

    private int status(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session)).andReturn().getResponse().getStatus();
    }

    @Test
    void theInviteeSetsTheirOwnPasswordThroughTheEmailedLinkWhichWorksOnce() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "invite");
        MockHttpSession admin = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN,
                "admin-" + organization.id() + "@example.com");
        String invitee = "newcomer-" + organization.id() + "@example.com";

        invite(admin, organization, invitee, Role.COMMUNITY_LEADER);
        String link = linkOfLatestInvitation(organization);
        String page = mvc.perform(get(link)).andReturn().getResponse().getContentAsString();
        MvcResult weak = mvc.perform(post(link).with(csrf()).param("displayName", "新人")
                .param("password", "password1234").param("passwordAgain", "password1234")).andReturn();
        MvcResult accepted = mvc.perform(post(link).with(csrf()).param("displayName", "新人")
                .param("password", OWN_PASSWORD).param("passwordAgain", OWN_PASSWORD)).andReturn();
        MockHttpSession newcomer = StaffLogin.signIn(mvc, invitee, OWN_PASSWORD);

        assertThat(link).startsWith("/invitations/inv_");
        assertThat(page).contains("id=\"invitation-form\"").contains(invitee);
        assertThat(weak.getResponse().getStatus()).isEqualTo(200);
        assertThat(weak.getResponse().getContentAsString()).contains("よく使われる");
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/login?welcome");
        assertThat(status(newcomer, "/manage/" + organization.slug() + "/events")).isEqualTo(200);
        assertThat(accounts.findByEmail(invitee).orElseThrow().roleIn(organization.id())).contains(Role.COMMUNITY_LEADER);
        assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).as("used once").isEqualTo(410);
        assertThat(invitations.pending(organization.id())).isEmpty();
    }

    @Test
    void aWithdrawnOrExpiredInvitationOpensNothing() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "withdraw");
        MockHttpSession admin = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN,
                "admin-" + organization.id() + "@example.com");

        invite(admin, organization, "w-" + organization.id() + "@example.com", Role.VIEWER);
        Invitation withdrawn = invitations.pending(organization.id()).get(0);
        String withdrawnLink = linkOfLatestInvitation(organization);
        mvc.perform(post("/manage/" + organization.slug() + "/staff/invitations/" + withdrawn.id() + "/withdraw")
                .session(admin).with(csrf()));
        invite(admin, organization, "e-" + organization.id() + "@example.com", Role.VIEWER);
        String expiringLink = linkOfLatestInvitation(organization);
        clock.advance(Invitation.VALID_FOR.plus(Duration.ofMinutes(1)));
        try {
            assertThat(mvc.perform(get(withdrawnLink)).andReturn().getResponse().getStatus()).isEqualTo(410);
            assertThat(mvc.perform(get(expiringLink)).andReturn().getResponse().getStatus()).isEqualTo(410);
            assertThat(mvc.perform(post(expiringLink).with(csrf()).param("displayName", "x")
                    .param("password", OWN_PASSWORD).param("passwordAgain", OWN_PASSWORD)).andReturn()
                    .getResponse().getStatus()).isEqualTo(410);
            assertThat(accounts.findByEmail("e-" + organization.id() + "@example.com")).isEmpty();
            assertThat(mvc.perform(get("/invitations/inv_unknown")).andReturn().getResponse().getStatus())
                    .isEqualTo(404);
        } finally {
            clock.advance(Duration.ofDays(-3).minus(Duration.ofMinutes(1)));
        }
    }

    /**
     * The pre-hijack: the admin of A invites an email, later the admin of B invites it. B's role is of no use until the
     * owner accepts it, and A's admin learns nothing of B's invitation or its acceptance.
     */
    @Test
    void anotherOrganizationsInvitationGrantsNothingUntilTheOwnerAcceptsAndTheFirstOrganizationLearnsNothing()
            throws Exception {
        Organization a = StaffAccess.organization(organizations, "org-a");
        Organization b = StaffAccess.organization(organizations, "org-b");
        MockHttpSession adminA = StaffAccess.signedIn(mvc, accounts, a, Role.ORGANIZATION_ADMIN,
                "admin-" + a.id() + "@example.com");
        MockHttpSession adminB = StaffAccess.signedIn(mvc, accounts, b, Role.ORGANIZATION_ADMIN,
                "admin-" + b.id() + "@example.com");
        String owner = "owner-" + a.id() + "@example.com";

        MvcResult invitedByA = invite(adminA, a, owner, Role.VIEWER);
        String linkA = linkOfLatestInvitation(a);
        mvc.perform(post(linkA).with(csrf()).param("displayName", "本人").param("password", OWN_PASSWORD)
                .param("passwordAgain", OWN_PASSWORD));
        staffPage(adminA, a);
        String staffPageOfA = staffPage(adminA, a);

        MvcResult invitedByB = invite(adminB, b, owner, Role.ORGANIZATION_ADMIN);
        MvcResult unknownByB = invite(adminB, b, "nobody-" + b.id() + "@example.com", Role.ORGANIZATION_ADMIN);
        MockHttpSession ownerSession = StaffLogin.signIn(mvc, owner, OWN_PASSWORD);
        int beforeAccepting = status(ownerSession, "/manage/" + b.slug() + "/staff");
        String linkB = MailedLinks.pathIn(notifications, "staff-invitation:" + invitations.pending(b.id()).stream()
                .filter(i -> i.email().equals(owner)).findFirst().orElseThrow().id());

        String linkPage = mvc.perform(get(linkB)).andReturn().getResponse().getContentAsString();
        MvcResult withoutSignIn = mvc.perform(get(linkB.replace("/invitations/", "/manage/invitations/"))).andReturn();
        MvcResult newAccountOverExisting = mvc.perform(post(linkB).with(csrf()).param("displayName", "乗っ取り")
                .param("password", "attacker chosen phrase").param("passwordAgain", "attacker chosen phrase"))
                .andReturn();
        MvcResult acceptedByOtherAccount = mvc.perform(post(linkB.replace("/invitations/", "/manage/invitations/"))
                .session(adminA).with(csrf())).andReturn();
        int stillBefore = status(ownerSession, "/manage/" + b.slug() + "/staff");
        mvc.perform(post(linkB.replace("/invitations/", "/manage/invitations/")).session(ownerSession).with(csrf()));
        int afterAccepting = status(ownerSession, "/manage/" + b.slug() + "/staff");

        assertThat(invitedByB.getFlashMap().keySet()).as("the same answer whatever the email's state")
                .isEqualTo(unknownByB.getFlashMap().keySet()).containsExactly("invited");
        assertThat(invitedByB.getFlashMap().get("invited")).isEqualTo(owner);
        assertThat(invitedByB.getResponse().getRedirectedUrl()).isEqualTo(unknownByB.getResponse().getRedirectedUrl());
        assertThat(invitedByA.getResponse().getRedirectedUrl()).isEqualTo("/manage/" + a.slug() + "/staff");
        assertThat(beforeAccepting).as("B's role is not usable before the owner accepts").isEqualTo(404);
        assertThat(linkPage).contains("id=\"sign-in-to-accept\"").doesNotContain("id=\"invitation-form\"");
        assertThat(withoutSignIn.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(newAccountOverExisting.getResponse().getStatus()).isEqualTo(200);
        assertThat(StaffLoginAttempt.succeeds(mvc, owner, "attacker chosen phrase")).isFalse();
        assertThat(acceptedByOtherAccount.getResponse().getStatus()).isEqualTo(404);
        assertThat(stillBefore).isEqualTo(404);
        assertThat(afterAccepting).isEqualTo(200);
        assertThat(staffPage(adminA, a)).as("A's admin sees nothing of B").isEqualTo(staffPageOfA);
    }

    private String staffPage(MockHttpSession admin, Organization organization) throws Exception {
        return mvc.perform(get("/manage/" + organization.slug() + "/staff").session(admin)).andReturn().getResponse()
                .getContentAsString().replaceAll("name=\"_csrf\" (value|content)=\"[^\"]*\"", "");
    }

    @Test
    void noPageLetsAnAdminChooseAnotherPersonsPassword() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "no-password");
        MockHttpSession admin = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN,
                "admin-" + organization.id() + "@example.com");
        String victim = "victim-" + organization.id() + "@example.com";

        MvcResult oldForm = mvc.perform(post("/manage/" + organization.slug() + "/settings/accounts").session(admin)
                .with(csrf()).param("email", victim).param("displayName", "X").param("password", OWN_PASSWORD)
                .param("role", "VIEWER")).andReturn();
        MvcResult invitation = mvc.perform(post("/manage/" + organization.slug() + "/staff/invitations")
                .session(admin).with(csrf()).param("email", victim).param("role", "VIEWER")
                .param("password", OWN_PASSWORD)).andReturn();

        assertThat(oldForm.getResponse().getStatus()).isIn(404, 405);
        assertThat(invitation.getResponse().getStatus()).isEqualTo(302);
        assertThat(accounts.findByEmail(victim)).isEmpty();
    }

    @Test
    void anOrganizationKeepsAnAdminAndNobodyDropsTheirOwnAdminRoleByAccident() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "last-admin");
        String soleEmail = "sole-" + organization.id() + "@example.com";
        MockHttpSession sole = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN, soleEmail);
        long soleId = accounts.findByEmail(soleEmail).orElseThrow().id();
        String base = "/manage/" + organization.slug() + "/staff/" + soleId;

        MvcResult lastRemoved = mvc.perform(post(base + "/remove").session(sole).with(csrf())
                .param("confirmSelf", "true")).andReturn();
        MvcResult lastDemoted = mvc.perform(post(base + "/role").session(sole).with(csrf()).param("role", "VIEWER")
                .param("confirmSelf", "true")).andReturn();
        StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN,
                "second-" + organization.id() + "@example.com");
        MvcResult unconfirmed = mvc.perform(post(base + "/role").session(sole).with(csrf()).param("role", "VIEWER"))
                .andReturn();
        Role afterUnconfirmed = accounts.findByEmail(soleEmail).orElseThrow().roleIn(organization.id()).orElseThrow();
        mvc.perform(post(base + "/role").session(sole).with(csrf()).param("role", "VIEWER").param("confirmSelf", "true"));

        assertThat(lastRemoved.getFlashMap().get("refused")).isEqualTo("account.last-admin");
        assertThat(lastDemoted.getFlashMap().get("refused")).isEqualTo("account.last-admin");
        assertThat(unconfirmed.getFlashMap().get("refused")).isEqualTo("account.own-admin-needs-confirmation");
        assertThat(afterUnconfirmed).isEqualTo(Role.ORGANIZATION_ADMIN);
        assertThat(accounts.findByEmail(soleEmail).orElseThrow().roleIn(organization.id())).contains(Role.VIEWER);
    }
}
