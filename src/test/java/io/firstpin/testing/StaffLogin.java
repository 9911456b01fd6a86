package io.firstpin.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs in through the real login form and hands back the session, as a browser would keep its cookie. */
public final class StaffLogin {

    private StaffLogin() {
    }

    public static MockHttpSession signIn(MockMvc mvc, String email, String password) {
        try {
            MvcResult result = mvc.perform(formLogin("/login").user(email).password(password)).andReturn();
            if (result.getResponse().getRedirectedUrl() == null
                    || result.getResponse().getRedirectedUrl().contains("error")) {
                throw new IllegalStateException("login failed for " + email);
            }
            return (MockHttpSession) result.getRequest().getSession(false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
