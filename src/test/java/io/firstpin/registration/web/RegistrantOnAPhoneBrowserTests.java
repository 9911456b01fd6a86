package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.event.Venue;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.platform.geo.Prefecture;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A registrant on a phone, in Japanese: the event page names its organizer, shares and maps with plain links and fits
 * 375 pixels; the form marks the full frame 満席; the pass shows one 受付番号 and says what it is for; cancelling asks
 * first.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrantOnAPhoneBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;

    private Event studySessionWithAFullFrame() {
        var organization = organizations.found(new Slug("phone-reg"), "クラウド株式会社");
        var community = communities.start(organization.id(), new Slug("phone-reg-c"),
                CommunityProfile.of("JAWS-UG 札幌", null, null, "Asia/Tokyo"), null);
        return events.plan(community, new EventDetails("札幌勉強会 #12 サーバーレスとコンテナのこれからを語り尽くす夜",
                null, EventKind.STUDY_SESSION, Instant.now().plus(20, ChronoUnit.DAYS), null,
                new Venue("札幌駅前コワーキングスペース", "北海道札幌市中央区北5条西2丁目5番地 JRタワーオフィスプラザさっぽろ15階",
                        Prefecture.HOKKAIDO, "札幌市"), false, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 1, FrameMode.FIFO, null),
                        new FramePlan(null, "LT枠", 5, FrameMode.FIFO, null)), "一般枠");
    }

    private static void fitsThePhone(Browser browser) {
        Object fits = ((JavascriptExecutor) browser.driver())
                .executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertThat(fits).as("no horizontal scrolling at 375px on " + browser.path()).isEqualTo(true);
    }

    @Test
    void aRegistrantOnAPhoneSeesWhoRunsTheEventTheFullFrameTheirReceptionNumberAndIsAskedBeforeCancelling() {
        Event event = studySessionWithAFullFrame();

        try (Browser browser = Browser.open(port, "ja")) {
            browser.driver().manage().window().setSize(new Dimension(375, 812));
            browser.visit("/e/" + event.id()).assertAccessible();
            fitsThePhone(browser);
            assertThat(browser.find(By.id("event-organizer")).getText())
                    .contains("JAWS-UG 札幌").contains("クラウド株式会社");
            assertThat(browser.find(By.id("event-map")).getAttribute("href"))
                    .startsWith("https://www.google.com/maps/search/?api=1&query=")
                    .contains("%E6%9C%AD%E5%B9%8C"); // 札幌, encoded
            for (String share : List.of("share-x", "share-facebook", "share-hatena", "share-line")) {
                WebElement link = browser.find(By.id(share));
                assertThat(link.getAttribute("rel")).contains("noopener");
                assertThat(link.getAttribute("href")).contains("%2Fe%2F" + event.id());
            }

            browser.click(By.id("register-link")).type(By.id("name"), "石狩 太郎").type(By.id("email"), "taro@example.jp")
                    .click(By.id("register"));
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("参加確定");
            fitsThePhone(browser);
            browser.assertAccessible();
            assertThat(browser.find(By.id("reception-number")).getText()).contains("受付番号").contains("1");
            assertThat(browser.find(By.id("reception-number-hint")).getText()).isEqualTo("受付でこの番号をお伝えください。");
            assertThat(browser.find(By.cssSelector("#checkin-qr svg")).isDisplayed())
                    .as("the pass, loaded from its owner, shows the QR code").isTrue();
            assertThat(browser.find(By.id("checkin-code")).isDisplayed()).as("one code shown on the pass").isFalse();
            String tarosPage = browser.path();

            browser.visit("/e/" + event.id() + "/register").assertAccessible();
            fitsThePhone(browser);
            assertThat(browser.find(By.cssSelector("#frame option:first-child")).getText())
                    .isEqualTo("一般枠（満席・補欠で申込）");
            assertThat(browser.find(By.cssSelector("#frame option:last-child")).getText()).isEqualTo("LT枠");

            browser.visit(tarosPage).click(By.id("cancel"));
            browser.awaitText(By.id("cancel-confirm"), "申込をキャンセルしますか?");
            browser.assertAccessible();
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("参加確定");
            assertThat(browser.find(By.id("keep-registration")).getAttribute("href")).endsWith(tarosPage);
            browser.click(By.id("cancel"));
            browser.awaitText(By.id("status"), "キャンセル済み");
        }
    }
}
