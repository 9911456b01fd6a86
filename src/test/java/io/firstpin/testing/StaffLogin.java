package io.firstpin.testing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Signs in through the real login form and hands back the session, as a browser would keep its cookie. */
public final class StaffLogin {

    /** The password of every account {@link #openAccount} opens. */
    public static final String PASSWORD = "correct horse battery";
    private static final AtomicLong ACCOUNTS = new AtomicLong();

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

    /** Opens a new staff account with the role in the whole organization and signs it in through the login form. */
    public static MockHttpSession newStaff(MockMvc mvc, StaffAccounts accounts, Organization organization, Role role) {
        return signIn(mvc, openAccount(accounts, organization, role, "Staff " + role), PASSWORD);
    }

    /**
     * Opens a new staff account with the role in the whole organization, under the name pages show for it, and
     * answers its email; its password is {@link #PASSWORD}.
     */
    public static String openAccount(StaffAccounts accounts, Organization organization, Role role, String name) {
        String email = role.name().toLowerCase(Locale.ROOT) + "-" + ACCOUNTS.incrementAndGet() + "@"
                + organization.slug() + ".test";
        accounts.openWithRole(email, name, PASSWORD, organization.id(), role);
        return email;
    }
}
