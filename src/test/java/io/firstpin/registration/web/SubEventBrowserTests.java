package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.CommunityProfile;
import io.firstpin.identity.Role;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.TestTenant;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The evening of a study session and its 懇親会, in Japanese, from planning to a cancelled seat passed on. */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubEventBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private static void registerForBoth(Browser browser, long eventId, String name, String email) {
        browser.visit("/e/" + eventId + "/register").type(By.id("name"), name).type(By.id("email"), email);
        new Select(browser.find(By.id("subEventFrame"))).selectByVisibleText("懇親会 — 懇親会枠");
        browser.click(By.id("register"));
        // The next step navigates away; leaving before the answer arrives could cancel the registration or show it.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> browser.path().startsWith("/r/"));
    }

    private static String statusOf(Browser browser, String name) {
        List<WebElement> rows = browser.find(By.id("registrations")).findElements(By.cssSelector("tbody tr"));
        return rows.stream().filter(row -> row.getText().contains(name)).findFirst().orElseThrow().getText();
    }

    /** The id of the event whose page the browser lands on once the form it submitted has been answered. */
    private static long idOfEventShown(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> browser.path().matches(".*/events/\\d+"));
        String path = browser.path();
        return Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
    }

    @Test
    void anAfterPartySeatGivenUpWithTheStudySessionGoesToTheNextInLine() {
        TestTenant tenant = TestTenant.found(context, "sub-browser",
                CommunityProfile.of("JAWS-UG 仙台", "jawsug_sendai", null, "Asia/Tokyo"));
        String day = LocalDate.now().plusDays(30).toString();

        try (Browser browser = Browser.open(port, "ja")) {
            tenant.staff(browser, Role.ORGANIZATION_ADMIN);

            browser.visit(tenant.ofCommunity("/events/new"))
                    .type(By.id("title"), "JAWS-UG 仙台 #5")
                    .set(By.id("startsAt"), day + "T19:00")
                    .set(By.id("endsAt"), day + "T21:00");
            new Select(browser.find(By.id("prefecture"))).selectByValue("");
            browser.set(By.id("frames0.capacity"), "30").click(By.id("save-event"));
            long session = idOfEventShown(browser);
            assertThat(browser.text()).contains("会場未定");

            browser.click(By.id("add-sub-event"));
            assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("懇親会");
            assertThat(browser.find(By.id("frames0.name")).getAttribute("value")).isEqualTo("懇親会枠");
            browser.set(By.id("frames0.capacity"), "1").click(By.id("save-event"));
            long party = idOfEventShown(browser);
            assertThat(browser.find(By.id("parent-event")).getText()).contains("JAWS-UG 仙台 #5");

            registerForBoth(browser, session, "青葉 太郎", "taro@example.jp");
            assertThat(browser.find(By.id("sub-event-registered")).getText()).contains("サブイベントにもあわせて申し込みました");
            String tarosPage = browser.path();
            registerForBoth(browser, session, "宮城 花子", "hanako@example.jp");

            browser.visit(tenant.manage("/events/" + party + "/registrations"));
            assertThat(statusOf(browser, "青葉 太郎")).contains("参加確定");
            assertThat(statusOf(browser, "宮城 花子")).contains("補欠");

            browser.visit(tarosPage).click(By.id("cancel"));
            browser.find(By.id("cancel-confirm"));
            browser.click(By.id("cancel"));
            browser.awaitText(By.id("status"), "キャンセル済み");

            browser.visit(tenant.manage("/events/" + party + "/registrations"));
            assertThat(statusOf(browser, "青葉 太郎")).contains("キャンセル済み");
            assertThat(statusOf(browser, "宮城 花子")).contains("参加確定");
            browser.visit(tenant.manage("/events/" + session + "/registrations"));
            assertThat(statusOf(browser, "青葉 太郎")).contains("キャンセル済み");
        }
    }
}
