package io.firstpin.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.Community;
import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InsightDashboardBrowserTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;


    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    StaffAccounts accounts;
    @Autowired
    DSLContext db;

    @Test
    void aLeaderOpensTheDashboardAndEveryChartIsDrawnWithoutScriptErrors() {
        String slug = "dash-browser-" + System.nanoTime();
        Organization organization = organizations.found(new Slug(slug), "Dashboard");
        Community tokyo = communities.start(organization.id(), new Slug(slug + "-tokyo"),
                CommunityProfile.of("JAWS-UG 東京", null, null, "Asia/Tokyo"), null);
        CommunityHistory history = new CommunityHistory(db, communities, events, tokyo);
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, b);
        history.eventAt("2025-02-20T19:00", "JP-13", "港区").checkedIn(a, c);
        accounts.openWithRole("leader@" + slug + ".test", "リーダー", PASSWORD, organization.id(),
                Role.COMMUNITY_LEADER);

        try (Browser browser = Browser.open(port, "ja")) {
            browser.visit("/manage")
                    .type(By.id("username"), "leader@" + slug + ".test")
                    .type(By.id("password"), PASSWORD)
                    .click(By.cssSelector("#login-form button[type=submit]"));
            browser.find(By.cssSelector(".manage-nav"));
            browser.visit("/manage/" + organization.slug() + "/communities/" + tokyo.slug() + "/events");
            browser.click(By.id("dashboard"));
            browser.set(By.id("from"), "2025-01-01").set(By.id("to"), "2025-12-31");
            browser.click(By.cssSelector("#pickers button[type=submit]"));

            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
            for (String chart : List.of("chart-attendees", "chart-return-rate", "chart-no-show", "chart-cohorts",
                    "chart-quarters", "chart-ladder")) {
                wait.until(d -> !d.findElements(By.cssSelector("#" + chart + " canvas")).isEmpty());
            }
            // nobody follows the community: the reason, not an empty chart
            assertThat(browser.find(By.id("chart-followers-empty")).getText()).contains("フォロー");
            assertThat(browser.find(By.id("tile-events")).getText()).isEqualTo("2");
            assertThat(browser.find(By.id("tile-repeaters")).getText()).isEqualTo("1");
            assertThat(browser.text()).contains("ダッシュボード");
            List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    .filter(entry -> !entry.getMessage().contains("/favicon.ico"))
                    .toList();
            assertThat(errors).isEmpty();
        }
    }
}
