package io.firstpin.mypage.web;

import static io.firstpin.platform.db.Tables.AUDIT_ENTRY;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY;
import static io.firstpin.platform.db.Tables.MEMBER_PASSKEY_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.member.Erasures;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.MemberExport;
import io.firstpin.member.MemberExports;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.Members;
import io.firstpin.mypage.MemberPasskeys;
import io.firstpin.mypage.SignInCodes;
import io.firstpin.mypage.internal.MemberPasskeyCredentials;
import io.firstpin.mypage.internal.MemberPasskeyUsers;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MemberSession;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The defences around members' passkeys that a browser does not show: who may add one and where, who may remove one,
 * and that erasure and export cover them. Adding one and signing in with it in a real browser, and a passkey of one
 * organization refused at another's: {@link MemberPasskeySignInBrowserTests}.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class MemberPasskeyPagesTests {

    @Autowired
    MockMvc mvc;
    @Value("${firstpin.base-url}")
    String baseUrl;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    MemberPasskeys passkeys;
    @Autowired
    MemberPasskeyUsers passkeyUsers;
    @Autowired
    MemberPasskeyCredentials passkeyCredentials;
    @Autowired
    MemberExports exports;
    @Autowired
    Erasures erasures;
    @Autowired
    MemberMerges merges;
    @Autowired
    SignInCodes codes;
    @Autowired
    DSLContext db;

    private Organization organization(String prefix) {
        return organizations.found(new Slug(prefix + "-" + System.nanoTime()), "組織 " + prefix);
    }

    private long member(Organization organization, String name) {
        return members.findOrRegisterId(organization.id(), name,
                IdentityInput.email(name + "@" + organization.slug() + ".example"));
    }

    private MockHttpSession signedIn(Organization organization, long memberId) throws Exception {
        String email = members.inOrganization(organization.id(), memberId).primaryEmail().orElseThrow();
        return MemberSession.signIn(mvc, codes, organization, email);
    }

    /** A passkey as the registration ceremony stores it; its key is never checked here. */
    private String passkeyOf(Organization organization, long memberId, String label) {
        Bytes handle = passkeyUsers.findByUsername("member:" + organization.id() + ":" + memberId).getId();
        Bytes id = Bytes.random();
        passkeyCredentials.save(ImmutableCredentialRecord.builder().credentialId(id).userEntityUserId(handle)
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY)
                .publicKey(new ImmutablePublicKeyCose(new byte[] {7, 7, 7, 7})).signatureCount(0).uvInitialized(true)
                .transports(Set.of(AuthenticatorTransport.INTERNAL)).backupEligible(false).backupState(false)
                .attestationObject(Bytes.random()).attestationClientDataJSON(Bytes.random()).label(label)
                .created(Instant.now()).lastUsed(Instant.now()).build());
        return id.toBase64UrlString();
    }

    @Test
    void aMemberAsksToAddAPasskeyOnlyAtTheirOwnOrganizationWithACsrfTokenAndNeverShowsTheirEmail() throws Exception {
        Organization acme = organization("passkey-acme");
        Organization other = organization("passkey-other");
        long member = member(acme, "hanako");
        MockHttpSession session = signedIn(acme, member);

        MockHttpServletResponse options = mvc.perform(post("/my/" + acme.slug() + "/webauthn/register/options")
                .session(session).with(csrf())).andReturn().getResponse();
        int forged = mvc.perform(post("/my/" + acme.slug() + "/webauthn/register/options").session(session))
                .andReturn().getResponse().getStatus();
        String elsewhere = mvc.perform(post("/my/" + other.slug() + "/webauthn/register/options").session(session)
                .with(csrf())).andReturn().getResponse().getRedirectedUrl();
        String anonymous = mvc.perform(post("/my/" + acme.slug() + "/webauthn/register/options").with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();

        assertThat(options.getStatus()).isEqualTo(200);
        assertThat(options.getContentAsString()).contains(
                "\"rp\":{\"id\":\"" + URI.create(baseUrl).getHost() + "\"", "\"userVerification\":\"required\"",
                "\"residentKey\":\"required\"", "\"name\":\"hanako\"", "組織 passkey-acme")
                .doesNotContain("@", "member:");
        assertThat(forged).isEqualTo(403);
        assertThat(elsewhere).endsWith("/my/" + other.slug() + "/sign-in");
        assertThat(anonymous).endsWith("/my/" + acme.slug() + "/sign-in");
    }

    @Test
    void theSignInAsksForAnyPasskeyOfTheSiteEvenOfAMemberSignedInAtAnotherOrganization() throws Exception {
        Organization acme = organization("passkey-ask");
        Organization other = organization("passkey-ask-other");
        long member = member(acme, "asker");
        passkeyOf(acme, member, "phone");

        String options = mvc.perform(post("/my/" + other.slug() + "/webauthn/authenticate/options")
                .session(signedIn(acme, member)).with(csrf())).andReturn().getResponse().getContentAsString();

        assertThat(options).contains("\"userVerification\":\"required\"").doesNotContain("\"allowCredentials\":[{");
    }

    @Test
    void theOwnerListsAndRemovesTheirPasskeyWhileAnyoneElsesAnswersNotFound() throws Exception {
        Organization acme = organization("passkey-list");
        Organization other = organization("passkey-list-other");
        long owner = member(acme, "owner");
        long neighbour = member(acme, "neighbour");
        long stranger = member(other, "stranger");
        String passkey = passkeyOf(acme, owner, "<b>phone</b>");
        String base = "/my/" + acme.slug();

        String page = mvc.perform(get(base + "/passkeys").session(signedIn(acme, owner))).andReturn().getResponse()
                .getContentAsString();
        int byNeighbour = mvc.perform(post(base + "/passkeys/remove").session(signedIn(acme, neighbour)).with(csrf())
                .param("id", passkey)).andReturn().getResponse().getStatus();
        int byStranger = mvc.perform(post("/my/" + other.slug() + "/passkeys/remove")
                .session(signedIn(other, stranger)).with(csrf()).param("id", passkey)).andReturn().getResponse()
                .getStatus();
        int forged = mvc.perform(post(base + "/passkeys/remove").session(signedIn(acme, owner)).param("id", passkey))
                .andReturn().getResponse().getStatus();
        int throughSpring = mvc.perform(delete(base + "/webauthn/register/" + passkey).session(signedIn(acme, owner))
                .with(csrf())).andReturn().getResponse().getStatus();
        boolean kept = !passkeys.of(acme.id(), owner).isEmpty();
        String removed = mvc.perform(post(base + "/passkeys/remove").session(signedIn(acme, owner)).with(csrf())
                .param("id", passkey)).andReturn().getResponse().getRedirectedUrl();

        assertThat(page).contains("&lt;b&gt;phone&lt;/b&gt;", "id=\"passkey-add-button\"")
                .doesNotContain("<b>phone</b>");
        assertThat(byNeighbour).isEqualTo(404);
        assertThat(byStranger).isEqualTo(404);
        assertThat(forged).isEqualTo(403);
        assertThat(throughSpring).as("Spring's own delete is not a way around the page").isNotIn(200, 204);
        assertThat(kept).isTrue();
        assertThat(removed).isEqualTo(base + "/passkeys?removed");
        assertThat(passkeys.of(acme.id(), owner)).isEmpty();
        assertThat(db.select(AUDIT_ENTRY.ACTION).from(AUDIT_ENTRY).where(AUDIT_ENTRY.ORGANIZATION_ID.eq(acme.id()))
                .and(AUDIT_ENTRY.TARGET.eq("member " + owner)).orderBy(AUDIT_ENTRY.ID).fetch(AUDIT_ENTRY.ACTION))
                .containsExactly("member.passkey.added", "member.passkey.removed");
    }

    @Test
    void aMalformedPasskeyRequestIsTheCallersMistakeNotAServerError() throws Exception {
        Organization acme = organization("passkey-bad");
        long member = member(acme, "bad");

        int register = mvc.perform(post("/my/" + acme.slug() + "/webauthn/register")
                .session(signedIn(acme, member)).with(csrf()).contentType("application/json").content("{}"))
                .andReturn().getResponse().getStatus();
        int signIn = mvc.perform(post("/my/" + acme.slug() + "/login/webauthn").with(csrf())
                .contentType("application/json").content("{\"id\":")).andReturn().getResponse().getStatus();

        assertThat(register).isEqualTo(400);
        assertThat(signIn).isBetween(400, 401);
    }

    @Test
    void theExportNamesThePasskeysWithoutTheirKeysAndErasureDeletesThem() throws Exception {
        Organization acme = organization("passkey-data");
        long member = member(acme, "data");
        passkeyOf(acme, member, "タブレット");
        String publicKey = db.select(MEMBER_PASSKEY.PUBLIC_KEY).from(MEMBER_PASSKEY)
                .where(MEMBER_PASSKEY.ORGANIZATION_ID.eq(acme.id())).fetchSingle().value1();

        MemberExport export = exports.export(acme.id(), member, true);
        String json = mvc.perform(get("/my/" + acme.slug() + "/data.json").session(signedIn(acme, member)))
                .andReturn().getResponse().getContentAsString();
        erasures.erase(acme.id(), member, false);

        assertThat(export.passkeys()).extracting(MemberExport.Passkey::label).containsExactly("タブレット");
        assertThat(json).contains("タブレット").doesNotContain(publicKey);
        assertThat(passkeys.of(acme.id(), member)).isEmpty();
        assertThat(db.fetchCount(MEMBER_PASSKEY, MEMBER_PASSKEY.ORGANIZATION_ID.eq(acme.id()))).isZero();
        assertThat(db.fetchCount(MEMBER_PASSKEY_USER, MEMBER_PASSKEY_USER.MEMBER_ID.eq(member))).isZero();
    }

    @Test
    void aMergeMovesThePasskeysToTheMemberKeptAndItsUndoMovesThemBack() {
        Organization acme = organization("passkey-merge");
        long kept = member(acme, "kept");
        long merged = member(acme, "merged");
        passkeyOf(acme, merged, "古いノートPC");

        long mergeId = merges.merge(acme.id(), kept, merged).id();
        var afterMerge = passkeys.of(acme.id(), kept);
        merges.undo(acme.id(), mergeId);

        assertThat(afterMerge).extracting(MemberPasskeys.MemberPasskey::label).containsExactly("古いノートPC");
        assertThat(passkeys.of(acme.id(), kept)).isEmpty();
        assertThat(passkeys.of(acme.id(), merged)).extracting(MemberPasskeys.MemberPasskey::label)
                .containsExactly("古いノートPC");
    }
}
