package io.firstpin.mypage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.follow.Follows;
import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.mypage.SignInCodes;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import io.firstpin.testing.MemberSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A visitor who presses Follow on a community's public page is sent to sign in; once signed in, the follow they asked
 * for is done, without pressing it again.
 */
@DatabaseTest
@SpringBootTest
@AutoConfigureMockMvc
class FollowAfterSignInTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Members members;
    @Autowired
    Follows follows;
    @Autowired
    SignInCodes codes;

    Organization organization;
    Community community;
    String email;
    long member;

    @BeforeEach
    void aCommunityAndAMemberWhoIsNotSignedIn() {
        organization = organizations.found(new Slug("follow-replay-" + System.nanoTime()), "JAWS-UG");
        community = communities.start(organization.id(), new Slug(organization.slug() + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        email = "follower@" + organization.slug() + ".example";
        member = members.findOrRegisterId(organization.id(), "花子", IdentityInput.email(email));
    }

    private String base() {
        return "/my/" + organization.slug();
    }

    @Test
    void theFollowPressedBeforeSigningInIsDoneOnceTheVisitorSignsIn() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String page = mvc.perform(get("/c/" + community.slug()).session(session)).andReturn().getResponse()
                .getContentAsString();

        String toSignIn = mvc.perform(post(base() + "/follows/" + community.id()).session(session).with(csrf()))
                .andReturn().getResponse().getRedirectedUrl();
        boolean followingBeforeSignIn = follows.followedBy(organization.id(), member).contains(community.id());
        String afterSignIn = MemberSession.signIn(mvc, codes, organization, email, session);

        assertThat(page).contains("id=\"follow-community\"");
        assertThat(toSignIn).endsWith(base() + "/sign-in");
        assertThat(followingBeforeSignIn).isFalse();
        assertThat(afterSignIn).isEqualTo(base() + "#follows");
        assertThat(follows.followedBy(organization.id(), member)).containsExactly(community.id());
    }

    @Test
    void aSignInWithoutAPressedFollowFollowsNothingAndAForgedPressIsRefused() throws Exception {
        MockHttpSession forgedSession = new MockHttpSession();
        int forged = mvc.perform(post(base() + "/follows/" + community.id()).session(forgedSession)).andReturn()
                .getResponse().getStatus();
        String afterForged = MemberSession.signIn(mvc, codes, organization, email, forgedSession);
        String plain = MemberSession.signIn(mvc, codes, organization, email, new MockHttpSession());

        assertThat(forged).isEqualTo(403);
        assertThat(afterForged).isEqualTo(base());
        assertThat(plain).isEqualTo(base());
        assertThat(follows.followedBy(organization.id(), member)).isEmpty();
    }

    @Test
    void aFollowPressedAtAnotherOrganizationIsNotDoneBySigningInHere() throws Exception {
        Organization other = organizations.found(new Slug("follow-replay-other-" + System.nanoTime()), "Other");
        Community theirs = communities.start(other.id(), new Slug(other.slug() + "-c"),
                CommunityProfile.of("Other UG", null, null, "Asia/Tokyo"), null);
        MockHttpSession session = new MockHttpSession();

        mvc.perform(post("/my/" + other.slug() + "/follows/" + theirs.id()).session(session).with(csrf()));
        String afterSignIn = MemberSession.signIn(mvc, codes, organization, email, session);

        assertThat(afterSignIn).isEqualTo(base());
        assertThat(follows.followedBy(organization.id(), member)).isEmpty();
    }
}
