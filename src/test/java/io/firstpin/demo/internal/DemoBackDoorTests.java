package io.firstpin.demo.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.firstpin.demo.DemoDataGenerator;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.DatabaseTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The demo's fixed password (it is in the README) opens the demo only on a laptop: reached from this machine with a
 * local base URL. Anywhere else it is refused, the login page shows nothing, and at start the demo accounts get random
 * passwords.
 */
class DemoBackDoorTests {

    static final RequestPostProcessor FROM_ELSEWHERE = request -> {
        request.setRemoteAddr("203.0.113.9");
        return request;
    };

    abstract static class WithDemoAccounts {

        @Autowired
        MockMvc mvc;
        @Autowired
        Organizations organizations;
        @Autowired
        StaffAccounts accounts;

        /** The accounts as the generator opens them, without the bulk of the demo's data. */
        @BeforeEach
        void demoAccounts() {
            if (organizations.findBySlug(DemoDataGenerator.ORGANIZATION_SLUG).isEmpty()) {
                Organization demo = organizations.found(new Slug(DemoDataGenerator.ORGANIZATION_SLUG), "Demo");
                accounts.openWithRole(DemoDataGenerator.ADMIN_EMAIL, "Demo", DemoDataGenerator.ADMIN_PASSWORD,
                        demo.id(), Role.ORGANIZATION_ADMIN);
            }
        }

        boolean signsIn(RequestPostProcessor from) throws Exception {
            String target = mvc.perform(post("/login").param("username", DemoDataGenerator.ADMIN_EMAIL)
                    .param("password", DemoDataGenerator.ADMIN_PASSWORD).with(csrf()).with(from)).andReturn()
                    .getResponse().getRedirectedUrl();
            return target != null && !target.contains("error");
        }

        String loginPage(RequestPostProcessor from) throws Exception {
            return mvc.perform(get("/login").with(from)).andReturn().getResponse().getContentAsString();
        }
    }

    @Nested
    @DatabaseTest
    @SpringBootTest(properties = "firstpin.base-url=https://events.example.com")
    @AutoConfigureMockMvc
    class WithAPublicBaseUrl extends WithDemoAccounts {

        @Autowired
        DemoPasswords passwords;

        @Test
        void theDemoPasswordIsRefusedEvenFromThisMachineAndTheLoginPageShowsNothing() throws Exception {
            assertThat(signsIn(request -> request)).isFalse();
            assertThat(loginPage(request -> request)).doesNotContain(DemoDataGenerator.ADMIN_PASSWORD)
                    .doesNotContain(DemoDataGenerator.ADMIN_EMAIL);
        }

        @Test
        void atStartTheDemoAccountsGetARandomPasswordInstead() {
            passwords.secureUnlessLocal();

            assertThat(accounts.replaceSeededPassword(DemoDataGenerator.ADMIN_EMAIL, DemoDataGenerator.ADMIN_PASSWORD,
                    "never set this way")).as("the fixed password is gone").isFalse();
        }
    }

    @Nested
    @DatabaseTest
    @SpringBootTest(properties = "firstpin.base-url=http://localhost:8080")
    @AutoConfigureMockMvc
    class WithALocalBaseUrl extends WithDemoAccounts {

        @Test
        void theDemoPasswordAndItsHintWorkOnlyFromThisMachine() throws Exception {
            assertThat(loginPage(request -> request)).contains(DemoDataGenerator.ADMIN_PASSWORD);
            assertThat(loginPage(FROM_ELSEWHERE)).doesNotContain(DemoDataGenerator.ADMIN_PASSWORD);
            assertThat(signsIn(FROM_ELSEWHERE)).isFalse();
            assertThat(signsIn(request -> request)).isTrue();
        }
    }
}
