package io.firstpin.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Passkeys;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.identity.Totp;
import io.firstpin.identity.TwoFactor;
import io.firstpin.identity.internal.StaffPasskeyCredentials;
import io.firstpin.identity.internal.StaffPasskeyUsers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffAccess;
import io.firstpin.testing.StaffLogin;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;

/**
 * The defences around staff passkeys that a browser does not show: who may add one, remove one, and when a passkey
 * must be used instead of the password. Signing in with one in a real browser: {@link PasskeySignInBrowserTests}.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class PasskeyPagesTests {

    @Autowired
    MockMvc mvc;
    @Value("${firstpin.base-url}")
    String baseUrl;
    @Autowired
    Organizations organizations;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    Passkeys passkeys;
    @Autowired
    StaffPasskeyUsers passkeyUsers;
    @Autowired
    StaffPasskeyCredentials passkeyCredentials;

    /** A passkey as the registration ceremony stores it; its key is never checked here. */
    private String passkeyOf(String email, String label) {
        passkeyUsers.save(ImmutablePublicKeyCredentialUserEntity.builder().name(email).displayName(email)
                .id(Bytes.random()).build());
        Bytes id = Bytes.random();
        passkeyCredentials.save(ImmutableCredentialRecord.builder().credentialId(id)
                .userEntityUserId(passkeyUsers.findByUsername(email).getId())
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3})).signatureCount(0).uvInitialized(true)
                .transports(Set.of(AuthenticatorTransport.INTERNAL)).backupEligible(false).backupState(false)
                .attestationObject(Bytes.random()).attestationClientDataJSON(Bytes.random()).label(label)
                .created(Instant.now()).lastUsed(Instant.now()).build());
        return id.toBase64UrlString();
    }

    private long accountId(String email) {
        return accounts.findByEmail(email).orElseThrow().id();
    }

    @Test
    void theRelyingPartyIsTheBaseUrlsHostAndTheAuthenticatorMustVerifyItsUser() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "passkey-rp");
        MockHttpSession session = StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER,
                "rp-" + organization.id() + "@example.com");

        String options = mvc.perform(post("/webauthn/register/options").session(session).with(csrf())).andReturn()
                .getResponse().getContentAsString();

        assertThat(options).contains("\"rp\":{\"id\":\"" + URI.create(baseUrl).getHost() + "\"",
                "\"userVerification\":\"required\"",
                "\"residentKey\":\"required\"");
        assertThat(options).as("the user handle is random, never the email").doesNotContain("\"id\":\"rp-");
    }

    @Test
    void aPasswordStillOwingItsCodeCannotAddAPasskeyThatWouldSkipTheCodeNextTime() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "passkey-pending");
        String email = "pending-" + organization.id() + "@example.com";
        long accountId = accounts.openWithRole(email, "Pending", StaffAccess.PASSWORD, organization.id(), Role.VIEWER)
                .id();
        String secret = twoFactor.start(accountId).secret();
        twoFactor.confirm(accountId, Totp.code(secret, Totp.step(Instant.now())));
        MockHttpSession session = StaffLogin.signIn(mvc, email, StaffAccess.PASSWORD);

        int options = mvc.perform(post("/webauthn/register/options").session(session).with(csrf())).andReturn()
                .getResponse().getStatus();
        int register = mvc.perform(post("/webauthn/register").session(session).with(csrf())
                .contentType("application/json").content("{}")).andReturn().getResponse().getStatus();

        assertThat(options).isEqualTo(403);
        assertThat(register).isEqualTo(403);
    }

    @Test
    void aMalformedPasskeyRequestIsTheCallersMistakeNotAServerError() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "passkey-bad");
        MockHttpSession session = StaffAccess.signedIn(mvc, accounts, organization, Role.VIEWER,
                "bad-" + organization.id() + "@example.com");

        int register = mvc.perform(post("/webauthn/register").session(session).with(csrf())
                .contentType("application/json").content("{}")).andReturn().getResponse().getStatus();
        int signIn = mvc.perform(post("/login/webauthn").with(csrf()).contentType("application/json")
                .content("{\"id\":")).andReturn().getResponse().getStatus();

        assertThat(register).isEqualTo(400);
        assertThat(signIn).isBetween(400, 401);
    }

    @Test
    void theOwnerListsAndRemovesTheirPasskeyWhileAnotherAccountsAnswersNotFound() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "passkey-list");
        String email = "owner-" + organization.id() + "@example.com";
        String otherEmail = "other-" + organization.id() + "@example.com";
        MockHttpSession owner = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN, email);
        MockHttpSession other = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN, otherEmail);
        String passkey = passkeyOf(email, "<b>laptop</b>");

        String page = mvc.perform(get("/manage/account").session(owner)).andReturn().getResponse()
                .getContentAsString();
        int byOther = mvc.perform(post("/manage/account/passkeys/remove").session(other).with(csrf())
                .param("id", passkey)).andReturn().getResponse().getStatus();
        int throughSpring = mvc.perform(delete("/webauthn/register/" + passkey).session(owner).with(csrf()))
                .andReturn().getResponse().getStatus();
        boolean keptUntilOwnerRemoves = passkeys.any(accountId(email));
        MvcResult removed = mvc.perform(post("/manage/account/passkeys/remove").session(owner).with(csrf())
                .param("id", passkey)).andReturn();

        assertThat(page).contains("&lt;b&gt;laptop&lt;/b&gt;").doesNotContain("<b>laptop</b>");
        assertThat(byOther).isEqualTo(404);
        assertThat(throughSpring).as("Spring's own delete skips the required-factor rule").isEqualTo(403);
        assertThat(keptUntilOwnerRemoves).isTrue();
        assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/manage/account");
        assertThat(passkeys.any(accountId(email))).isFalse();
    }

    @Test
    void anAdminWhoseOrganizationRequiresASecondFactorAndHasAPasskeyMustUseItAndKeepsTheLastOne() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "passkey-policy");
        String email = "admin-" + organization.id() + "@example.com";
        MockHttpSession admin = StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN, email);
        String passkey = passkeyOf(email, "phone");
        twoFactor.requireForAdmins(organization.id(), true, accountId(email));

        MvcResult remove = mvc.perform(post("/manage/account/passkeys/remove").session(admin).with(csrf())
                .param("id", passkey)).andReturn();
        MvcResult password = mvc.perform(formLogin().user(email).password(StaffAccess.PASSWORD)).andReturn();
        MockHttpSession afterPassword = (MockHttpSession) password.getRequest().getSession(false);
        String staffPage = afterPassword == null ? "no session" : mvc.perform(get("/manage/" + organization.slug()
                + "/events").session(afterPassword)).andReturn().getResponse().getRedirectedUrl();

        assertThat(remove.getFlashMap().get("passkeyProblem")).isEqualTo("passkey.last-required");
        assertThat(passkeys.any(accountId(email))).isTrue();
        assertThat(password.getResponse().getRedirectedUrl()).isEqualTo("/login?passkey");
        assertThat(staffPage).as("the password alone opens nothing")
                .isIn("no session", "/login", "http://localhost/login");
    }

    @Test
    void anAdminAskedToSetUpASecondFactorMayAddAPasskeyInstead() throws Exception {
        Organization organization = StaffAccess.organization(organizations, "passkey-enrol");
        String email = "enrol-" + organization.id() + "@example.com";
        StaffAccess.signedIn(mvc, accounts, organization, Role.ORGANIZATION_ADMIN, email);
        twoFactor.requireForAdmins(organization.id(), true, accountId(email));
        MockHttpSession session = StaffLogin.signIn(mvc, email, StaffAccess.PASSWORD);

        String beforePasskey = mvc.perform(get("/manage/account").session(session)).andReturn().getResponse()
                .getRedirectedUrl();
        String setUpPage = mvc.perform(get("/manage/account/two-factor").session(session)).andReturn().getResponse()
                .getContentAsString();
        int options = mvc.perform(post("/webauthn/register/options").session(session).with(csrf())).andReturn()
                .getResponse().getStatus();
        passkeyOf(email, "laptop");
        int afterPasskey = mvc.perform(get("/manage/account").session(session)).andReturn().getResponse().getStatus();

        assertThat(beforePasskey).isEqualTo("/manage/account/two-factor");
        assertThat(setUpPage).contains("id=\"passkey-add-button\"");
        assertThat(options).isEqualTo(200);
        assertThat(afterPasskey).isEqualTo(200);
    }
}
