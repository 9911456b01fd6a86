package io.firstpin.attendance.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registration;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CheckInDeskBrowserTests {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;
    @Autowired
    StaffAccounts accounts;

    @Test
    void aLeaderFindsARegistrantByNameChecksThemInSeesTheCountAndUndoes() {
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event event = door.event(organization, Instant.now().plus(Duration.ofDays(3)), 10);
        Registration hanako = door.register(event, "受付 花子").registration();
        door.register(event, "受付 太郎");
        accounts.openWithRole("leader@checkin.test", "リーダー", PASSWORD, organization.id(), Role.COMMUNITY_LEADER);

        try (Browser browser = Browser.open(port, "ja")) {
            WebDriverWait wait = new WebDriverWait(browser.driver(), Duration.ofSeconds(10));
            browser.signIn("leader@checkin.test", PASSWORD);
            browser.visit("/manage/" + organization.slug() + "/events/" + event.id() + "/checkin");
            assertThat(browser.find(By.id("checkin-count")).getText()).isEqualTo("参加確定 2 人中 0 人が受付済み");
            assertThat(((JavascriptExecutor) browser.driver()).executeScript("return typeof Html5Qrcode"))
                    .isEqualTo("function");

            browser.type(By.id("search-q"), "花子");
            wait.until(d -> !d.findElement(By.id("arrivals")).getText().contains("受付 太郎"));
            browser.click(By.cssSelector("#arrival-" + hanako.id() + " button.check-in"));

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checkin-result"),
                    "受付しました: 受付 花子 さん（一般枠）"));
            wait.until(ExpectedConditions.textToBe(By.id("checkin-count"), "参加確定 2 人中 1 人が受付済み"));
            browser.click(By.cssSelector("#arrival-" + hanako.id() + " button.undo"));

            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("checkin-result"),
                    "受付 花子 さんの受付を取り消しました"));
            wait.until(ExpectedConditions.textToBe(By.id("checkin-count"), "参加確定 2 人中 0 人が受付済み"));
            browser.find(By.cssSelector("#arrival-" + hanako.id() + " button.check-in"));

            // no camera in a headless browser: the scanner says so instead of failing
            browser.click(By.id("scan-start"));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("scan-unavailable")));

            List<LogEntry> errors = browser.driver().manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                    // the site has no icon yet; that is not this page's error
                    .filter(entry -> !entry.getMessage().contains("/favicon.ico"))
                    .toList();
            assertThat(errors).isEmpty();
        }
    }
}
