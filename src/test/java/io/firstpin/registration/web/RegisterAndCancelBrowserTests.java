package io.firstpin.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.firstpin.community.Communities;
import io.firstpin.community.CommunityProfile;
import io.firstpin.event.Event;
import io.firstpin.event.EventDetails;
import io.firstpin.event.EventKind;
import io.firstpin.event.Events;
import io.firstpin.event.FrameMode;
import io.firstpin.event.FramePlan;
import io.firstpin.organization.Organizations;
import io.firstpin.platform.Slug;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import io.firstpin.testing.TestSmtp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.mail.poll-interval=100ms", "db-scheduler.polling-interval=100ms"})
class RegisterAndCancelBrowserTests {

    private static final int SMTP_PORT = TestSmtp.freePort();
    private static final Pattern MANAGE_LINK = Pattern.compile("http://firstpin\\.test(/r/r_[A-Za-z0-9_-]+)");

    @RegisterExtension
    static final GreenMailExtension smtp = TestSmtp.on(SMTP_PORT);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        TestSmtp.serve(registry, SMTP_PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    Organizations organizations;
    @Autowired
    Communities communities;
    @Autowired
    Events events;

    private Event studySessionWithOneSeat() {
        var organization = organizations.found(new Slug("browser-reg"), "Org");
        var community = communities.start(organization.id(), new Slug("browser-reg-c"),
                CommunityProfile.of("JAWS-UG 沖縄", null, null, "Asia/Tokyo"), null);
        return events.plan(community, new EventDetails("沖縄勉強会", null, EventKind.STUDY_SESSION,
                Instant.now().plus(20, ChronoUnit.DAYS), null, null, true, null, Optional.empty()), List.of(),
                List.of(new FramePlan(null, "一般枠", 1, FrameMode.FIFO, null)), "一般枠");
    }

    private static String manageLinkMailedTo(String address) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.receivedBy(smtp, address).isEmpty());
        Matcher link = MANAGE_LINK.matcher(TestSmtp.receivedBy(smtp, address).get(0).text());
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    private static void register(Browser browser, Event event, String name, String email) {
        browser.visit("/e/" + event.id()).click(By.id("register-link"))
                .type(By.id("name"), name).type(By.id("email"), email).click(By.id("register"));
        browser.find(By.id("registration-status"));
    }

    @Test
    void aRegistrantCancelsFromTheEmailedLinkAndTheWaitlistedPersonIsPromoted() {
        Event event = studySessionWithOneSeat();

        try (Browser browser = Browser.open(port, "ja")) {
            register(browser, event, "琉球 太郎", "taro@example.jp");
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("参加確定");
            register(browser, event, "首里 花子", "hanako@example.jp");
            // said once: 「補欠 1 番目」, not 「補欠 補欠 1 番目」
            assertThat(browser.find(By.id("waitlist-position")).getText()).isEqualTo("補欠 1 番目");
            assertThat(browser.find(By.id("registration-status")).getText()).containsOnlyOnce("補欠");
            String hanakosPage = browser.path();

            browser.visit(manageLinkMailedTo("taro@example.jp")).click(By.id("cancel"));
            browser.awaitText(By.id("cancel-confirm"), "申込をキャンセルしますか?");
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("参加確定");
            browser.click(By.id("cancel"));
            browser.awaitText(By.id("status"), "キャンセル済み");

            browser.visit(hanakosPage);
            assertThat(browser.find(By.id("status")).getText()).isEqualTo("参加確定");
            await().atMost(Duration.ofSeconds(30)).until(() -> TestSmtp.receivedBy(smtp, "hanako@example.jp").stream()
                    .anyMatch(mail -> mail.subject().contains("繰り上がり")));
        }
    }
}
