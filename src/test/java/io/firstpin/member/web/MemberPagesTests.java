package io.firstpin.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.Member;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import java.util.List;
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
class MemberPagesTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;

    private Organization organization(String slug) {
        return organizations.found(new Slug(slug), "Org " + slug);
    }

    private MockHttpSession signedInAs(Organization organization, Role role) {
        String email = role.name().toLowerCase() + "@" + organization.slug() + ".test";
        accounts.openWithRole(email, "Staff", PASSWORD, organization.id(), role);
        return StaffLogin.signIn(mvc, email, PASSWORD);
    }

    private MockHttpServletResponse getPage(MockHttpSession session, String path) throws Exception {
        return mvc.perform(get(path).session(session).header("Accept-Language", "en")).andReturn().getResponse();
    }

    @Test
    void aLeaderRegistersAMemberThroughTheForm() throws Exception {
        Organization org = organization("pages-create");
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        String form = getPage(session, "/manage/pages-create/members/new").getContentAsString();
        MockHttpServletResponse created = mvc.perform(post("/manage/pages-create/members").session(session).with(csrf())
                .param("displayName", "山田 太郎").param("staff", "true").param("_staff", "on")
                .param("identities[0].kind", "EMAIL").param("identities[0].value", "Taro@Example.com")
                .param("identities[1].kind", "EMAIL").param("identities[1].value", "")
                .param("identities[3].kind", "X").param("identities[3].value", "@TaroYamada"))
                .andReturn().getResponse();

        assertThat(form).contains("name=\"identities[0].value\"").contains("id=\"identity-rows-template\"");
        List<Member> stored = members.findByIdentity(org.id(), "taro@example.com");
        assertThat(stored).hasSize(1);
        assertThat(created.getRedirectedUrl()).isEqualTo("/manage/pages-create/members/" + stored.get(0).id());
        assertThat(stored.get(0).staff()).isTrue();
        assertThat(stored.get(0).identities()).extracting(i -> i.kind(), i -> i.value())
                .containsExactly(tuple(IdentityKind.EMAIL, "Taro@Example.com"),
                        tuple(IdentityKind.X, "TaroYamada"));
        String detail = getPage(session, created.getRedirectedUrl()).getContentAsString();
        assertThat(detail).contains("山田 太郎").contains("Taro@Example.com").contains("TaroYamada").contains("badge staff");
    }

    @Test
    void aBadEmailIsExplainedNextToItsFieldAndNothingIsStored() throws Exception {
        Organization org = organization("pages-bad");
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        MockHttpServletResponse answer = mvc.perform(post("/manage/pages-bad/members").session(session).with(csrf())
                .header("Accept-Language", "en")
                .param("displayName", "Taro")
                .param("identities[0].kind", "X").param("identities[0].value", "")
                .param("identities[1].kind", "EMAIL").param("identities[1].value", "taro-at-example")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString())
                .containsPattern("name=\"identities\\[1]\\.value\"[^>]*value=\"taro-at-example\"[^>]*>\\s*"
                        + "<div class=\"field-error\">Please enter a valid email address.</div>");
        assertThat(members.count(org.id())).isZero();
    }

    @Test
    void aTakenIdentityIsExplainedOnTheFormInJapanese() throws Exception {
        Organization org = organization("pages-taken");
        members.register(org.id(), "Taro", List.of(IdentityInput.connpass("taro")));
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        MockHttpServletResponse answer = mvc.perform(post("/manage/pages-taken/members").session(session).with(csrf())
                .header("Accept-Language", "ja").param("displayName", "Impostor")
                .param("identities[0].kind", "CONNPASS").param("identities[0].value", "TARO")).andReturn().getResponse();

        assertThat(answer.getStatus()).isEqualTo(200);
        assertThat(answer.getContentAsString()).contains("既に別のメンバー");
        assertThat(members.count(org.id())).isEqualTo(1);
    }

    @Test
    void theLiveSearchGetsOnlyTheResultsFragment() throws Exception {
        Organization org = organization("pages-search");
        members.register(org.id(), "Alice", List.of(IdentityInput.email("alice@example.com")));
        members.register(org.id(), "Bob", List.of());
        MockHttpSession session = signedInAs(org, Role.VIEWER);

        MockHttpServletResponse fragment = mvc.perform(get("/manage/pages-search/members").param("q", "ALI")
                .header("HX-Request", "true").session(session)).andReturn().getResponse();
        MockHttpServletResponse page = getPage(session, "/manage/pages-search/members?q=ali");

        assertThat(fragment.getStatus()).isEqualTo(200);
        assertThat(fragment.getContentAsString().strip()).startsWith("<section id=\"results\"")
                .contains("Alice").doesNotContain("Bob").doesNotContain("<html").doesNotContain("site-header");
        assertThat(fragment.getHeaders("Vary")).contains("HX-Request");
        assertThat(page.getContentAsString()).contains("<html").contains("hx-get=\"/manage/pages-search/members\"")
                .contains("Alice").doesNotContain(">Bob<");
    }

    @Test
    void aHistoryRestoreGetsTheWholePage() throws Exception {
        Organization org = organization("pages-history");
        MockHttpSession session = signedInAs(org, Role.VIEWER);

        String restored = mvc.perform(get("/manage/pages-history/members").session(session)
                .header("HX-Request", "true").header("HX-History-Restore-Request", "true"))
                .andReturn().getResponse().getContentAsString();

        assertThat(restored).contains("<html");
    }

    @Test
    void theListPagesThroughManyMembers() throws Exception {
        Organization org = organization("pages-paging");
        for (int i = 0; i < MemberPagesController.PAGE_SIZE + 3; i++) {
            members.register(org.id(), String.format("Member %03d", i), List.of());
        }
        MockHttpSession session = signedInAs(org, Role.VIEWER);

        String first = getPage(session, "/manage/pages-paging/members").getContentAsString();
        String second = getPage(session, "/manage/pages-paging/members?page=1").getContentAsString();

        assertThat(first).contains("Member 000").doesNotContain("Member 025").contains("Page 1 of 2").contains("rel=\"next\"");
        assertThat(second).contains("Member 027").doesNotContain("Member 000").contains("rel=\"prev\"");
    }

    @Test
    void aViewerReadsButCannotRegisterOrEdit() throws Exception {
        Organization org = organization("pages-viewer");
        Member taro = members.register(org.id(), "Taro", List.of(IdentityInput.email("taro@example.com")));
        MockHttpSession session = signedInAs(org, Role.VIEWER);

        String list = getPage(session, "/manage/pages-viewer/members").getContentAsString();
        String detail = getPage(session, "/manage/pages-viewer/members/" + taro.id()).getContentAsString();
        int newForm = getPage(session, "/manage/pages-viewer/members/new").getStatus();
        int editForm = getPage(session, "/manage/pages-viewer/members/" + taro.id() + "/edit").getStatus();
        int create = mvc.perform(post("/manage/pages-viewer/members").session(session).with(csrf())
                .param("displayName", "Sneaky")).andReturn().getResponse().getStatus();

        assertThat(list).contains("Taro").doesNotContain("id=\"new-member\"");
        assertThat(detail).contains("taro@example.com").doesNotContain("id=\"edit-member\"");
        assertThat(List.of(newForm, editForm, create)).containsOnly(403);
        assertThat(members.count(org.id())).isEqualTo(1);
    }

    @Test
    void aLeaderEditsAMember() throws Exception {
        Organization org = organization("pages-edit");
        Member taro = members.register(org.id(), "Taro", List.of(IdentityInput.email("taro@example.com"),
                IdentityInput.connpass("taro")));
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        String form = getPage(session, "/manage/pages-edit/members/" + taro.id() + "/edit").getContentAsString();
        MockHttpServletResponse saved = mvc.perform(post("/manage/pages-edit/members/" + taro.id() + "/edit")
                .session(session).with(csrf()).param("displayName", "Taro Yamada").param("_staff", "on")
                .param("identities[0].kind", "EMAIL").param("identities[0].value", "taro@example.com")
                .param("identities[1].kind", "GITHUB").param("identities[1].value", "taro-gh"))
                .andReturn().getResponse();

        assertThat(form).contains("value=\"taro@example.com\"").contains("value=\"Taro\"");
        assertThat(saved.getRedirectedUrl()).isEqualTo("/manage/pages-edit/members/" + taro.id());
        Member edited = members.inOrganization(org.id(), taro.id());
        assertThat(edited.displayName()).isEqualTo("Taro Yamada");
        assertThat(edited.staff()).isFalse();
        assertThat(edited.identities()).extracting(i -> i.value()).containsExactly("taro@example.com", "taro-gh");
    }

    @Test
    void anotherOrganizationsMemberIsNotFound() throws Exception {
        Organization mine = organization("pages-mine");
        Organization theirs = organization("pages-theirs");
        Member theirMember = members.register(theirs.id(), "Secret", List.of(IdentityInput.email("secret@example.com")));
        MockHttpSession session = signedInAs(mine, Role.ORGANIZATION_ADMIN);

        int detail = getPage(session, "/manage/pages-mine/members/" + theirMember.id()).getStatus();
        int edit = getPage(session, "/manage/pages-mine/members/" + theirMember.id() + "/edit").getStatus();
        int theirList = getPage(session, "/manage/pages-theirs/members").getStatus();
        String ownList = getPage(session, "/manage/pages-mine/members?q=secret").getContentAsString();

        assertThat(List.of(detail, edit, theirList)).containsOnly(404);
        assertThat(ownList).doesNotContain("secret@example.com");
    }
}
