package io.firstpin.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.mypage.SignInCodes;
import io.firstpin.organization.Organization;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A browser session of a member signed in to their page of one organization through the emailed link, issued here
 * instead of read from a mail, for tests about what a signed-in member may do rather than about the email.
 */
public final class MemberSession {

    private MemberSession() {
    }

    public static MockHttpSession signIn(MockMvc mvc, SignInCodes codes, Organization organization, String email)
            throws Exception {
        MockHttpSession session = new MockHttpSession();
        String home = signIn(mvc, codes, organization, email, session);
        if (home == null || !home.startsWith("/my/" + organization.slug())) {
            throw new IllegalStateException("not signed in: " + home);
        }
        return session;
    }

    /** Signs in within a session the test already holds; answers where the member was sent. */
    public static String signIn(MockMvc mvc, SignInCodes codes, Organization organization, String email,
            MockHttpSession session) throws Exception {
        SignInCodes.Issued issued = codes.issue(organization.id(), email, SignInCodes.Purpose.SIGN_IN);
        return mvc.perform(post("/my/" + organization.slug() + "/sign-in/verify").session(session).with(csrf())
                .param("link", issued.link())).andReturn().getResponse().getRedirectedUrl();
    }
}
