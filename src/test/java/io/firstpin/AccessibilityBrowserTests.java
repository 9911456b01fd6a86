package io.firstpin;

import io.firstpin.community.Community;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.identity.Role;
import io.firstpin.registration.Applicant;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.CommunityHistory;
import io.firstpin.testing.TestTenant;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The main pages of every module, public and staff, in Japanese and English, held to WCAG 2.1 AA by axe-core: no
 * serious or critical violation (contrast, labels, including form rows added by script, named landmarks).
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserTests {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Events events;
    @Autowired
    Registrations registrations;

    @Test
    void everyMainPageHasNoSeriousAccessibilityViolationInJapanese() {
        walk("ja");
    }

    @Test
    void everyMainPageHasNoSeriousAccessibilityViolationInEnglish() {
        walk("en");
    }

    private void walk(String language) {
        TestTenant tenant = TestTenant.found(context, "a11y-" + language, "JAWS-UG 東京");
        Community community = tenant.community();
        CommunityHistory history = tenant.history();
        long a = history.member("A");
        long b = history.member("B");
        history.eventAt("2025-01-15T19:00", "JP-13", "渋谷区").checkedIn(a, b);
        history.eventAt("2025-02-20T19:00", "JP-13", "港区").checkedIn(a);
        Event event = events.plan(community, new EventDetails("東京勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(20, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 30, FrameMode.FIFO, null)), "一般枠");
        long member = registrations.register(event.id(), "一般枠",
                new Applicant("東京 太郎", "taro@" + tenant.slug() + ".test", Locale.JAPANESE)).registration()
                .memberId();
        String org = tenant.manage("");
        String communityPages = tenant.ofCommunity("");

        try (Browser browser = Browser.open(port, language)) {
            for (String page : List.of("/", "/c/" + community.slug(), "/e/" + event.id(), "/login",
                    "/my/" + tenant.slug() + "/sign-in", "/e/" + event.id() + "/survey")) {
                browser.visit(page).assertAccessible();
            }
            browser.visit("/e/" + event.id()).click(By.id("register-link")).find(By.id("email"));
            browser.assertAccessible();

            tenant.staff(browser, Role.ORGANIZATION_ADMIN);
            for (String page : List.of("/manage", org, org + "/events", org + "/events/" + event.id(),
                    org + "/events/" + event.id() + "/registrations", org + "/events/" + event.id() + "/checkin",
                    org + "/events/" + event.id() + "/survey", org + "/events/" + event.id() + "/mail",
                    org + "/events/" + event.id() + "/survey/screen",
                    org + "/events/" + event.id() + "/survey/screen?theme=light", org + "/members", org + "/members/" + member,
                    org + "/insight", org + "/segments", org + "/reports", org + "/settings", org + "/staff",
                    communityPages + "/events", communityPages + "/imports", "/manage/account")) {
                browser.visit(page).assertAccessible();
            }
            browser.visit(communityPages + "/dashboard?from=2025-01-01&to=2025-12-31");
            browser.find(By.cssSelector("#chart-attendees canvas"));
            browser.assertAccessible();

            browser.visit(communityPages + "/events/new")
                    .click(By.id("add-frame"))
                    .click(By.id("add-session"))
                    .assertAccessible();
            browser.visit(org + "/members/new").click(By.cssSelector("[data-add-row]")).assertAccessible();
        }
    }
}
