package io.firstpin.insight.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.identity.Role;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InsightDashboardBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void aLeaderOpensTheDashboardAndEveryChartIsDrawnWithoutScriptErrors() {
        TestTenant tenant = TestTenant.found(context, "dash-browser", "JAWS-UG 東京");
        CommunityHistory history = tenant.history();
        long a = history.member("A");
        long b = history.member("B");
        long c = history.member("C");
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, b);
        history.eventAt("2025-02-20T19:00", "JP-13", "港区").checkedIn(a, c);

        try (Browser browser = Browser.open(port, "ja")) {
            tenant.staff(browser, Role.COMMUNITY_LEADER).visit(tenant.ofCommunity("/events"));
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
