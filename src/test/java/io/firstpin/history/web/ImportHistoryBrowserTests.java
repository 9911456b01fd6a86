package io.firstpin.history.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.firstpin.attendance.Door;
import io.firstpin.community.Communities;
import io.firstpin.event.Event;
import io.firstpin.event.Events;
import io.firstpin.history.ExportFiles;
import io.firstpin.history.ImportJobs;
import io.firstpin.identity.Role;
import io.firstpin.identity.StaffAccounts;
import io.firstpin.organization.Organization;
import io.firstpin.organization.Organizations;
import io.firstpin.registration.Registrations;
import io.firstpin.testing.Browser;
import io.firstpin.testing.BrowserTest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The acceptance: a CP932 connpass export large enough to import in the background, its progress and its
 * counts on the page, then its people among the event's registrations.
 */
@BrowserTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"firstpin.history.background-from=2KB", "firstpin.history.job-check-interval=1h"})
class ImportHistoryBrowserTests {

    private static final String PASSWORD = "history-admin-password";
    private static final int MORE_ROWS = 120;

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
    @Autowired
    ImportJobs jobs;

    /** The export Excel saved on a Japanese Windows, with {@code MORE_ROWS} more people, in CP932. */
    private static Path largeCp932Export(Path folder) throws Exception {
        StringBuilder text = new StringBuilder(new String(ExportFiles.connpassSavedByExcel(),
                Charset.forName("windows-31j")).stripTrailing()).append("\r\n");
        for (int i = 1; i <= MORE_ROWS; i++) {
            text.append("一般枠,sanka_").append(i).append(",参加者 ").append(i).append(" 号,2021/4/1,,参加,")
                    .append(i % 2 == 0 ? "出席,2024/5/10 19:10" : ",").append(",2024/5/3 10:00,").append(3000 + i)
                    .append("\r\n");
        }
        Path file = folder.resolve("event_42_participants.csv");
        Files.write(file, text.toString().getBytes(Charset.forName("windows-31j")));
        assertThat(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)).doesNotContain("髙橋");
        return file;
    }

    @Test
    void aCp932ExportImportsInTheBackgroundAndItsPeopleAreTheEventsAttendees(@TempDir Path folder)
            throws Exception {
        Door door = new Door(organizations, communities, events, registrations);
        Organization organization = door.organization();
        Event event = door.event(organization, OffsetDateTime.parse("2024-05-10T19:00:00+09:00").toInstant(), 500);
        accounts.openWithRole("admin@history.test", "管理者", PASSWORD, organization.id(), Role.ORGANIZATION_ADMIN);
        Path export = largeCp932Export(folder);

        try (Browser browser = Browser.open(port, "ja")) {
            browser.signIn("admin@history.test", PASSWORD);
            browser.visit("/manage/" + organization.slug() + "/events/" + event.id()).click(By.id("imports-link"));
            browser.find(By.id("file")).sendKeys(export.toString());
            browser.click(By.cssSelector("form[enctype='multipart/form-data'] button[type=submit]"));

            assertThat(browser.find(By.cssSelector("#import-progress progress")).getAttribute("max")).isEqualTo("100");
            assertThat(browser.find(By.id("import-progress")).getText())
                    .contains("event_42_participants.csv");
            jobs.runQueued();

            String summary = browser.find(By.id("import-summary")).getText();
            assertThat(summary).contains("Shift_JIS (CP932)");
            assertThat(browser.find(By.cssSelector("#import-summary tbody tr:first-child td")).getText())
                    .isEqualTo(String.valueOf(2 + MORE_ROWS));
            assertThat(browser.driver().findElements(By.id("import-progress"))).isEmpty();

            browser.visit("/manage/" + organization.slug() + "/events/" + event.id() + "/registrations");
            String attendees = browser.find(By.id("registrations")).getText();
            assertThat(attendees).contains("髙橋 ① 太郎", "渡邊 花子", "参加者 1 号", "参加者 " + MORE_ROWS + " 号");
        }
    }
}
