package io.firstpin.identity.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** One try of the login form, for tests that expect it to fail. */
final class StaffLoginAttempt {

    private StaffLoginAttempt() {
    }

    static boolean succeeds(MockMvc mvc, String email, String password) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(email).password(password)).andReturn();
        String target = result.getResponse().getRedirectedUrl();
        return target != null && !target.contains("error");
    }
}
