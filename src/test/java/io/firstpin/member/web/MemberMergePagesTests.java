package io.firstpin.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.IdentityKind;
import io.firstpin.member.MemberMerges;
import io.firstpin.member.Members;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.StaffLogin;
import java.util.List;
import java.util.Optional;
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
class MemberMergePagesTests {

    private static final String PASSWORD = "correct horse battery";

    @Autowired
    MockMvc mvc;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    MemberMerges merges;

    private Organization organization(String slug) {
        return organizations.found(new Slug(slug), "Org " + slug);
    }

    private MockHttpSession signedInAs(Organization organization, Role role) {
        String email = role.name().toLowerCase() + "@" + organization.slug() + ".test";
        accounts.openWithRole(email, "Staff", PASSWORD, organization.id(), role);
        return StaffLogin.signIn(mvc, email, PASSWORD);
    }

    private MockHttpServletResponse getPage(MockHttpSession session, String path, String language) throws Exception {
        return mvc.perform(get(path).session(session).header("Accept-Language", language)).andReturn().getResponse();
    }

    private long[] taroTwice(Organization org) {
        long taro = members.register(org.id(), "山田 太郎", List.of(IdentityInput.connpass("taro_y"))).id();
        long again = members.register(org.id(), "山田太郎",
                List.of(new IdentityInput(IdentityKind.GITHUB, "taro_y"))).id();
        return new long[] {taro, again};
    }

    @Test
    void aLeaderReviewsASuggestionMergesItAndUndoesTheMerge() throws Exception {
        Organization org = organization("merge-pages");
        long[] taro = taroTwice(org);
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        String review = getPage(session, "/manage/merge-pages/members/merges", "en").getContentAsString();
        MockHttpServletResponse merged = mvc.perform(post("/manage/merge-pages/members/" + taro[0] + "/merges")
                .session(session).with(csrf()).param("from", String.valueOf(taro[1]))).andReturn().getResponse();
        String afterMerge = getPage(session, merged.getRedirectedUrl(), "en").getContentAsString();
        Optional<Long> mergedInto = members.inOrganization(org.id(), taro[1]).mergedIntoId();
        long mergeId = merges.recent(org.id(), 0, 1).get(0).id();
        MockHttpServletResponse undone = mvc.perform(post("/manage/merge-pages/members/merges/" + mergeId + "/undo")
                .session(session).with(csrf())).andReturn().getResponse();
        String afterUndo = getPage(session, undone.getRedirectedUrl(), "ja").getContentAsString();

        assertThat(review).contains("1 suggestions").contains("The same handle on another site").contains("taro_y");
        assertThat(merged.getRedirectedUrl()).isEqualTo("/manage/merge-pages/members/merges");
        assertThat(afterMerge).contains("id=\"merge-done\"").contains("No possible duplicates.");
        assertThat(mergedInto).contains(taro[0]);
        assertThat(afterUndo).contains("統合を取り消しました").contains("取り消し済み").contains("候補 1 件");
        assertThat(members.inOrganization(org.id(), taro[1]).mergedIntoId()).isEmpty();
    }

    @Test
    void aRefusedMergeIsExplainedOnThePage() throws Exception {
        Organization org = organization("merge-refused");
        long[] taro = taroTwice(org);
        merges.merge(org.id(), taro[0], taro[1]);
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        MockHttpServletResponse again = mvc.perform(post("/manage/merge-refused/members/" + taro[0] + "/merges")
                .session(session).with(csrf()).param("from", String.valueOf(taro[1])).param("back", "member"))
                .andReturn().getResponse();
        String detail = getPage(session, again.getRedirectedUrl(), "en").getContentAsString();
        String mergedMember = getPage(session, "/manage/merge-refused/members/" + taro[1], "en").getContentAsString();

        assertThat(again.getRedirectedUrl()).isEqualTo("/manage/merge-refused/members/" + taro[0]);
        assertThat(detail).contains("One of the two members was merged already.");
        assertThat(mergedMember).contains("id=\"merged-notice\"").doesNotContain("id=\"merge-form\"");
    }

    @Test
    void aSuggestionStaffDismissIsGone() throws Exception {
        Organization org = organization("merge-dismiss");
        long[] taro = taroTwice(org);
        MockHttpSession session = signedInAs(org, Role.COMMUNITY_LEADER);

        mvc.perform(post("/manage/merge-dismiss/members/merges/dismissals").session(session).with(csrf())
                .param("memberId", String.valueOf(taro[0])).param("otherMemberId", String.valueOf(taro[1])));

        assertThat(getPage(session, "/manage/merge-dismiss/members/merges", "en").getContentAsString())
                .contains("No possible duplicates.");
    }

    @Test
    void mergingNeedsALoginACsrfTokenAndALeaderOfThatOrganization() throws Exception {
        Organization mine = organization("merge-mine");
        Organization theirs = organization("merge-theirs");
        long[] their = taroTwice(theirs);
        long[] own = taroTwice(mine);
        MockHttpSession viewer = signedInAs(mine, Role.VIEWER);
        MockHttpSession admin = signedInAs(mine, Role.ORGANIZATION_ADMIN);

        MockHttpServletResponse anonymous = mvc.perform(post("/manage/merge-mine/members/" + own[0] + "/merges")
                .with(csrf()).param("from", String.valueOf(own[1]))).andReturn().getResponse();
        int withoutCsrf = mvc.perform(post("/manage/merge-mine/members/" + own[0] + "/merges").session(admin)
                .param("from", String.valueOf(own[1]))).andReturn().getResponse().getStatus();
        int asViewer = mvc.perform(post("/manage/merge-mine/members/" + own[0] + "/merges").session(viewer)
                .with(csrf()).param("from", String.valueOf(own[1]))).andReturn().getResponse().getStatus();
        int theirPage = getPage(admin, "/manage/merge-theirs/members/merges", "en").getStatus();
        int theirMembers = mvc.perform(post("/manage/merge-mine/members/" + own[0] + "/merges").session(admin)
                .with(csrf()).param("from", String.valueOf(their[1]))).andReturn().getResponse().getStatus();

        assertThat(anonymous.getRedirectedUrl()).contains("/login");
        assertThat(withoutCsrf).isEqualTo(403);
        assertThat(asViewer).isEqualTo(403);
        assertThat(List.of(theirPage, theirMembers)).containsOnly(404);
        assertThat(members.inOrganization(mine.id(), own[1]).mergedIntoId()).isEmpty();
        assertThat(members.inOrganization(theirs.id(), their[1]).mergedIntoId()).isEmpty();
    }
}
