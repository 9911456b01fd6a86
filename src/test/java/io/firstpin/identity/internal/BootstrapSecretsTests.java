package io.firstpin.identity.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.firstpin.identity.StaffAccounts;
import io.firstpin.identity.Role;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The instance administrator's token and account from the configuration obey the same rules as everyone's. */
@DatabaseTest
@SpringBootTest
class BootstrapSecretsTests {

    @Autowired
    StaffAccounts accounts;
    @Autowired
    Organizations organizations;

    @Test
    void theBootstrapTokenIsAtLeastThirtyTwoRandomCharacters() {
        assertThatCode(() -> IdentityBootstrap.requireRandomToken(
                "9f2c4e1a7b3d8c6e0f5a2b9d4c7e1f3a8b6d0c2e5f9a1b4d7c3e6f0a2b8d5c1e")).doesNotThrowAnyException();
        assertThatThrownBy(() -> IdentityBootstrap.requireRandomToken("short-but-random-Xk9q2"))
                .hasMessageContaining("at least 32");
        assertThatThrownBy(() -> IdentityBootstrap.requireRandomToken("a".repeat(40)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdentityBootstrap.requireRandomToken("passwordpasswordpasswordpassword1"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theConfiguredAdminEmailNeverTurnsAnOrdinaryAccountIntoAnInstanceAdministrator() {
        var organization = organizations.found(new Slug("bootstrap-" + System.nanoTime()), "Org");
        accounts.openWithRole("ordinary@bootstrap.test", "Ordinary", "correct horse battery", organization.id(),
                Role.VIEWER);

        assertThatThrownBy(() -> accounts.ensureInstanceAdmin("Ordinary@Bootstrap.test", "another long phrase 9"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FIRSTPIN_ADMIN_EMAIL");
        assertThatThrownBy(() -> accounts.ensureInstanceAdmin("root@bootstrap.test", "firstpin123"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("FIRSTPIN_ADMIN_PASSWORD");
        assertThatCode(() -> accounts.ensureInstanceAdmin("root@bootstrap.test", "a long admin phrase 31"))
                .doesNotThrowAnyException();
        assertThatCode(() -> accounts.ensureInstanceAdmin("root@bootstrap.test", "ignored for an existing one"))
                .doesNotThrowAnyException();
    }
}
