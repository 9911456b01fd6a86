package io.firstpin.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A staff member adds a passkey on their account page and signs in with it, in headless Chromium with its virtual
 * authenticator (a platform authenticator that verifies its user). The app runs on a port fixed before it starts,
 * so that FIRSTPIN_BASE_URL, the only origin a passkey is accepted from, is the address the browser uses.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PasskeySignInBrowserTests {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void baseUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("firstpin.base-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    Organizations organizations;
    @Autowired
    StaffAccounts accounts;

    @Test
    void aStaffMemberAddsAPasskeySignsOutAndSignsInWithItWithoutAPassword() {
        Organization organization = organizations.found(new Slug("passkey-org"), "パスキー組織");
        accounts.openWithRole("passkey@browser.test", "鍵 太郎", "correct horse battery", organization.id(),
                Role.ORGANIZATION_ADMIN);

        try (Browser browser = Browser.open(PORT, "ja")) {
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver())
                    .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                            .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                            .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));

            browser.signIn("passkey@browser.test", "correct horse battery");
            browser.find(By.id("new-community"));

            browser.visit("/manage/account").type(By.id("passkey-label"), "仕事用ノートPC")
                    .click(By.id("passkey-add-button"));
            assertThat(browser.awaitText(By.id("passkey-added"), "パスキーを追加しました。")).isNotEmpty();
            assertThat(browser.find(By.id("passkeys")).getText()).contains("仕事用ノートPC");
            assertThat(authenticator.getCredentials()).hasSize(1);

            browser.click(By.cssSelector("form[action$='/logout'] button"));
            browser.find(By.id("lang-en"));
            browser.visit("/manage");
            assertThat(browser.path()).startsWith("/login");

            browser.click(By.id("passkey-sign-in"));
            assertThat(browser.find(By.id("new-community")).getText()).isEqualTo("新しいコミュニティ");
            assertThat(browser.path()).startsWith("/manage");

            browser.visit("/manage/account");
            assertThat(browser.find(By.id("passkeys")).getText()).contains("仕事用ノートPC");
            browser.click(By.id("lang-en"));
            assertThat(browser.awaitText(By.id("passkey-add-button"), "Add a passkey")).isNotEmpty();
            assertThat(browser.find(By.id("passkeys")).getText()).contains("Last used", "仕事用ノートPC");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
