package io.firstpin.member.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.CommunityHistory;
import java.time.Duration;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MemberListBrowserTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    DSLContext db;

    @Test
    void aFilterNarrowsTheListLiveKeepsItInTheAddressAndTheBackButtonUndoesIt() {
        String slug = "list-browser-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "List");
        Community community = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, publisher, community);
        long twice = history.member("Alice Twice");
        long once = history.member("Bob Once");
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(twice, once);
        history.eventAt("2025-02-20T19:00", "JP-13", "港区").checkedIn(twice);
        String email = "viewer@" + slug + ".test";
        accounts.openWithRole(email, "Viewer", PASSWORD, organization.id(), Role.VIEWER);

        try (Browser browser = Browser.open(port, "en")) {
            browser.visit("/login").type(By.id("username"), email).type(By.id("password"), PASSWORD)
                    .click(By.cssSelector("#login-form button[type=submit]"));
            browser.find(By.cssSelector(".manage-nav"));
            browser.visit("/manage/" + slug + "/members");
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
