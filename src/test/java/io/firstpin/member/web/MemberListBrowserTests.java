package io.firstpin.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.identity.Role;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.TestTenant;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberListBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aFilterNarrowsTheListLiveKeepsItInTheAddressAndTheBackButtonUndoesIt() {
        TestTenant tenant = TestTenant.found(context, "list-browser", "JAWS-UG 東京");
        CommunityHistory history = tenant.history();
        long twice = history.member("Alice Twice");
        long once = history.member("Bob Once");
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(twice, once);
        history.eventAt("2025-02-20T19:00", "JP-13", "港区").checkedIn(twice);

        try (Browser browser = Browser.open(port, "en")) {
            tenant.staff(browser, Role.VIEWER).visit(tenant.manage("/members"));
            browser.awaitText(By.cssSelector("#results > p.muted"), "2 members");

            browser.type(By.id("min"), "2");
            browser.awaitText(By.cssSelector("#results > p.muted"), "1 members");
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
            wait.until(driver -> browser.path().contains("min=2"));
            assertThat(browser.text()).contains("Alice Twice").doesNotContain("Bob Once");
            browser.assertAccessible();

            browser.type(By.id("max"), "1");
            browser.find(By.id("filter-problems"));
            assertThat(browser.text()).contains("the most cannot be fewer than the least");
            browser.assertAccessible();

            browser.driver().navigate().back();
            wait.until(driver -> !browser.path().contains("max=1"));
            browser.awaitText(By.cssSelector("#results > p.muted"), "1 members");
        }
    }
}
