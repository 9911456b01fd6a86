package io.firstpin.testing;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** An organization with a signed-in staff member of a given role, for page tests about accounts and access. */
public final class StaffAccess {

    public static final String PASSWORD = "correct horse battery";

    private StaffAccess() {
    }

    public static Organization organization(Organizations organizations, String prefix) {
        String slug = prefix + "-" + System.nanoTime();
        return organizations.found(new Slug(slug), "Org " + slug);
    }

    /** Opens a seeded account with the role (as the demo does) and signs it in through the real form. */
    public static MockHttpSession signedIn(MockMvc mvc, StaffAccounts accounts, Organization organization, Role role,
            String email) {
        accounts.openWithRole(email, "Staff " + role, PASSWORD, organization.id(), role);
        return StaffLogin.signIn(mvc, email, PASSWORD);
    }
}
