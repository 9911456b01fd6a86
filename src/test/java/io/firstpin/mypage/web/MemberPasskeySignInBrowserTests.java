package io.firstpin.mypage.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.member.IdentityInput;
import io.firstpin.member.Members;
import io.firstpin.mypage.SignInCodes;
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
 * A member adds a passkey on their page and signs in with it, in headless Chromium with its virtual authenticator (a
 * platform authenticator that verifies its user); the same passkey is refused at another organization's sign-in. The
 * app runs on a port fixed before it starts, so that FIRSTPIN_BASE_URL, the only origin a passkey is accepted from, is
 * the address the browser uses. The first sign-in is by the emailed link, issued here rather than read from a mail.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class MemberPasskeySignInBrowserTests {

    private static final int PORT = freePort();

    @DynamicPropertySource
    static void baseUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("firstpin.base-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    Organizations organizations;
    @Autowired
    Members members;
    @Autowired
    SignInCodes codes;

    @Test
    void aMemberAddsAPasskeySignsOutAndSignsInWithItButNotAtAnotherOrganization() {
        Organization organization = organizations.found(new Slug("member-passkey-org"), "パスキー勉強会");
        Organization other = organizations.found(new Slug("member-passkey-other"), "別の組織");
        String email = "hanako@member-passkey.test";
        members.findOrRegisterId(organization.id(), "鍵 花子", IdentityInput.email(email));
        members.findOrRegisterId(other.id(), "鍵 花子", IdentityInput.email(email));
        String base = "/my/" + organization.slug();

        try (Browser browser = Browser.open(PORT, "ja")) {
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver())
                    .addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                            .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                            .setHasResidentKey(true).setHasUserVerification(true).setIsUserVerified(true));

            String link = codes.issue(organization.id(), email, SignInCodes.Purpose.SIGN_IN).link();
            browser.visit(base + "/sign-in/link?token=" + link).click(By.id("sign-in-by-link"));
            assertThat(browser.find(By.id("my-name")).getText()).isEqualTo("鍵 花子");

            browser.click(By.id("passkeys-link"));
            assertThat(browser.find(By.id("no-passkeys")).getText()).isEqualTo("パスキーはまだありません。");
            browser.type(By.id("passkey-label"), "スマートフォン").click(By.id("passkey-add-button"));
            assertThat(browser.awaitText(By.id("passkey-added"), "パスキーを追加しました。")).isNotEmpty();
            assertThat(browser.find(By.id("passkeys")).getText()).contains("スマートフォン");
            assertThat(authenticator.getCredentials()).hasSize(1);

            browser.click(By.id("back-to-my-page")).click(By.id("sign-out"));
            assertThat(browser.find(By.id("signed-out")).getText()).isNotEmpty();
            browser.visit(base);
            assertThat(browser.path()).isEqualTo(base + "/sign-in");

            browser.visit("/my/" + other.slug() + "/sign-in").click(By.id("passkey-sign-in"));
            assertThat(browser.awaitText(By.id("passkey-failed"),
                    "パスキーでログインできませんでした。もう一度試すか、メールでコードを受け取ってください。")).isNotEmpty();
            browser.visit("/my/" + other.slug());
            assertThat(browser.path()).isEqualTo("/my/" + other.slug() + "/sign-in");

            browser.visit(base + "/sign-in").click(By.id("passkey-sign-in"));
            assertThat(browser.find(By.id("my-name")).getText()).isEqualTo("鍵 花子");
            assertThat(browser.path()).isEqualTo(base);

            browser.visit(base + "/passkeys");
            assertThat(browser.find(By.id("passkeys")).getText()).contains("スマートフォン");
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
